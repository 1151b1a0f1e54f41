import type { RawRow } from './row-fields';
import { bool, num, optStr, str } from './row-fields';

/**
 * Every parameter of every user procedure and function, in order, with its type (alias and table
 * types by name); parameter_id 0 is a scalar function's return type.
 */
export const PARAMETERS_SQL = `
SELECT
  p.object_id AS objectId, p.parameter_id AS parameterId, p.name AS parameterName,
  ty.name AS typeName, SCHEMA_NAME(ty.schema_id) AS typeSchema, ty.is_user_defined AS isAliasType,
  CASE WHEN ty.is_assembly_type = 1 THEN ty.name ELSE TYPE_NAME(ty.system_type_id) END AS baseTypeName,
  p.max_length AS maxLength, p.precision AS precision, p.scale AS scale,
  p.is_output AS isOutput, p.is_readonly AS isReadOnly, p.is_xml_document AS isXmlDocument,
  xsc.name AS xmlCollectionName, SCHEMA_NAME(xsc.schema_id) AS xmlCollectionSchema
FROM sys.parameters AS p
JOIN sys.objects AS o ON o.object_id = p.object_id
JOIN sys.types AS ty ON ty.user_type_id = p.user_type_id
LEFT JOIN sys.xml_schema_collections AS xsc ON xsc.xml_collection_id = p.xml_collection_id AND p.xml_collection_id <> 0
WHERE o.is_ms_shipped = 0 AND o.type IN ('P', 'FN', 'IF', 'TF')
ORDER BY p.object_id, p.parameter_id;`;

export interface ParameterRow {
  readonly objectId: number;
  /** 0 for a scalar function's return value. */
  readonly parameterId: number;
  /** `@name`; empty for the return value. */
  readonly parameterName: string;
  readonly typeName: string;
  readonly typeSchema: string;
  readonly isAliasType: boolean;
  readonly baseTypeName: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly isOutput: boolean;
  readonly isReadOnly: boolean;
  readonly isXmlDocument: boolean;
  readonly xmlCollectionName?: string;
  readonly xmlCollectionSchema?: string;
}

export function readParameterRow(row: RawRow): ParameterRow {
  const q = 'parameters';
  const xmlCollectionName = optStr(row, 'xmlCollectionName', q);
  const xmlCollectionSchema = optStr(row, 'xmlCollectionSchema', q);
  return {
    objectId: num(row, 'objectId', q),
    parameterId: num(row, 'parameterId', q),
    parameterName: optStr(row, 'parameterName', q) ?? '',
    typeName: str(row, 'typeName', q),
    typeSchema: str(row, 'typeSchema', q),
    isAliasType: bool(row, 'isAliasType', q),
    baseTypeName: str(row, 'baseTypeName', q),
    maxLength: num(row, 'maxLength', q),
    precision: num(row, 'precision', q),
    scale: num(row, 'scale', q),
    isOutput: bool(row, 'isOutput', q),
    isReadOnly: bool(row, 'isReadOnly', q),
    isXmlDocument: bool(row, 'isXmlDocument', q),
    ...(xmlCollectionName !== undefined ? { xmlCollectionName } : {}),
    ...(xmlCollectionSchema !== undefined ? { xmlCollectionSchema } : {}),
  };
}
