import type { RawRow } from './row-fields';
import { bool, num, optNum, optStr, str } from './row-fields';

/**
 * Whose columns: user tables, the returned tables of multi-statement functions, or user-defined
 * table types (named by the type, identified by the type's table object).
 */
export type ColumnSource = 'tables' | 'functions' | 'tableTypes';

const SOURCES: Record<ColumnSource, { from: string; name: string; schema: string; where: string }> = {
  tables: { from: 'sys.tables AS t', name: 't.name', schema: 't.schema_id', where: 't.is_ms_shipped = 0' },
  functions: {
    from: 'sys.objects AS t',
    name: 't.name',
    schema: 't.schema_id',
    where: "t.is_ms_shipped = 0 AND t.type = 'TF'",
  },
  tableTypes: {
    from: 'sys.table_types AS tt JOIN sys.objects AS t ON t.object_id = tt.type_table_object_id',
    name: 'tt.name',
    schema: 'tt.schema_id',
    where: 'tt.is_user_defined = 1',
  },
};

/**
 * Every column of every user table (or of the `source` objects), in one query, with its type
 * (alias types resolved to their base), identity, computed definition, xml schema collection and
 * default constraint. `tableFilter` narrows it to one table (`t.object_id = OBJECT_ID(@table)`),
 * for reading rows.
 */
export function columnsSql(tableFilter?: string, source: ColumnSource = 'tables'): string {
  const from = SOURCES[source];
  return `
SELECT
  s.name AS schemaName, ${from.name} AS tableName, t.object_id AS tableId,
  c.column_id AS columnId, c.name AS columnName,
  ty.name AS typeName, SCHEMA_NAME(ty.schema_id) AS typeSchema, ty.is_user_defined AS isAliasType,
  ty.is_assembly_type AS isAssemblyType,
  CASE WHEN ty.is_assembly_type = 1 THEN ty.name ELSE TYPE_NAME(ty.system_type_id) END AS baseTypeName,
  c.max_length AS maxLength, c.precision AS precision, c.scale AS scale,
  c.is_nullable AS isNullable, c.is_identity AS isIdentity, c.is_rowguidcol AS isRowGuidCol,
  c.is_computed AS isComputed, c.is_sparse AS isSparse, c.is_filestream AS isFileStream,
  c.is_column_set AS isColumnSet, c.collation_name AS collationName,
  CONVERT(varchar(40), ic.seed_value) AS identitySeed,
  CONVERT(varchar(40), ic.increment_value) AS identityIncrement,
  CONVERT(varchar(40), ic.last_value) AS identityLastValue,
  ic.is_not_for_replication AS identityNotForReplication,
  cc.definition AS computedDefinition, cc.is_persisted AS isPersisted,
  xsc.name AS xmlCollectionName, SCHEMA_NAME(xsc.schema_id) AS xmlCollectionSchema,
  c.is_xml_document AS isXmlDocument,
  dc.name AS defaultName, dc.definition AS defaultDefinition, dc.is_system_named AS defaultIsSystemNamed
FROM ${from.from}
JOIN sys.schemas AS s ON s.schema_id = ${from.schema}
JOIN sys.columns AS c ON c.object_id = t.object_id
JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.identity_columns AS ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns AS cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.xml_schema_collections AS xsc ON xsc.xml_collection_id = c.xml_collection_id AND c.xml_collection_id <> 0
LEFT JOIN sys.default_constraints AS dc ON dc.object_id = c.default_object_id
WHERE ${from.where}${tableFilter !== undefined ? ` AND ${tableFilter}` : ''}
ORDER BY t.object_id, c.column_id;`;
}

export interface ColumnRow {
  readonly schemaName: string;
  readonly tableName: string;
  readonly tableId: number;
  readonly columnId: number;
  readonly columnName: string;
  /** The declared type name: a system type (`int`, `sysname`, `timestamp`) or an alias type. */
  readonly typeName: string;
  readonly typeSchema: string;
  readonly isAliasType: boolean;
  readonly isAssemblyType: boolean;
  /** The system base type (`nvarchar` for sysname and for an alias of nvarchar; `geography` for CLR types). */
  readonly baseTypeName: string;
  /** Bytes; -1 for (max); n-types count 2 bytes per character. */
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly isNullable: boolean;
  readonly isIdentity: boolean;
  readonly isRowGuidCol: boolean;
  readonly isComputed: boolean;
  readonly isSparse: boolean;
  readonly isFileStream: boolean;
  readonly isColumnSet: boolean;
  readonly collationName?: string;
  readonly identitySeed?: string;
  readonly identityIncrement?: string;
  readonly identityLastValue?: string;
  readonly identityNotForReplication: boolean;
  readonly computedDefinition?: string;
  readonly isPersisted: boolean;
  readonly xmlCollectionName?: string;
  readonly xmlCollectionSchema?: string;
  readonly isXmlDocument: boolean;
  readonly defaultName?: string;
  readonly defaultDefinition?: string;
  readonly defaultIsSystemNamed: boolean;
}

export function readColumnRow(row: RawRow): ColumnRow {
  const q = 'columns';
  const opt = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
    (value !== undefined ? { [key]: value } : {}) as { [P in K]?: string };
  return {
    schemaName: str(row, 'schemaName', q),
    tableName: str(row, 'tableName', q),
    tableId: num(row, 'tableId', q),
    columnId: num(row, 'columnId', q),
    columnName: str(row, 'columnName', q),
    typeName: str(row, 'typeName', q),
    typeSchema: str(row, 'typeSchema', q),
    isAliasType: bool(row, 'isAliasType', q),
    isAssemblyType: bool(row, 'isAssemblyType', q),
    baseTypeName: str(row, 'baseTypeName', q),
    maxLength: num(row, 'maxLength', q),
    precision: optNum(row, 'precision', q) ?? 0,
    scale: optNum(row, 'scale', q) ?? 0,
    isNullable: bool(row, 'isNullable', q),
    isIdentity: bool(row, 'isIdentity', q),
    isRowGuidCol: bool(row, 'isRowGuidCol', q),
    isComputed: bool(row, 'isComputed', q),
    isSparse: bool(row, 'isSparse', q),
    isFileStream: bool(row, 'isFileStream', q),
    isColumnSet: bool(row, 'isColumnSet', q),
    identityNotForReplication: bool(row, 'identityNotForReplication', q),
    isPersisted: bool(row, 'isPersisted', q),
    isXmlDocument: bool(row, 'isXmlDocument', q),
    defaultIsSystemNamed: bool(row, 'defaultIsSystemNamed', q),
    ...opt('collationName', optStr(row, 'collationName', q)),
    ...opt('identitySeed', optStr(row, 'identitySeed', q)),
    ...opt('identityIncrement', optStr(row, 'identityIncrement', q)),
    ...opt('identityLastValue', optStr(row, 'identityLastValue', q)),
    ...opt('computedDefinition', optStr(row, 'computedDefinition', q)),
    ...opt('xmlCollectionName', optStr(row, 'xmlCollectionName', q)),
    ...opt('xmlCollectionSchema', optStr(row, 'xmlCollectionSchema', q)),
    ...opt('defaultName', optStr(row, 'defaultName', q)),
    ...opt('defaultDefinition', optStr(row, 'defaultDefinition', q)),
  };
}
