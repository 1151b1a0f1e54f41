import type { RawRow } from './row-fields';
import { num, optStr, str } from './row-fields';

/**
 * Every extended property, with what it is attached to: the database (class 0), an object or
 * column (1), a parameter (2), a schema (3), an index (7), an XML schema collection (10) or a
 * filegroup (20). The value is read as text with its sql_variant base type.
 */
export const EXTENDED_PROPERTIES_SQL = `
SELECT
  ep.class AS propertyClass, ep.name AS propertyName, ep.minor_id AS minorId,
  CONVERT(nvarchar(max), ep.value) AS valueText,
  CAST(SQL_VARIANT_PROPERTY(ep.value, 'BaseType') AS nvarchar(128)) AS valueType,
  CASE ep.class WHEN 1 THEN OBJECT_SCHEMA_NAME(ep.major_id) WHEN 2 THEN OBJECT_SCHEMA_NAME(ep.major_id)
    WHEN 7 THEN OBJECT_SCHEMA_NAME(ep.major_id) WHEN 3 THEN SCHEMA_NAME(ep.major_id)
    WHEN 10 THEN (SELECT SCHEMA_NAME(x.schema_id) FROM sys.xml_schema_collections AS x WHERE x.xml_collection_id = ep.major_id) END AS hostSchema,
  CASE ep.class WHEN 1 THEN OBJECT_NAME(ep.major_id) WHEN 2 THEN OBJECT_NAME(ep.major_id) WHEN 7 THEN OBJECT_NAME(ep.major_id)
    WHEN 10 THEN (SELECT x.name FROM sys.xml_schema_collections AS x WHERE x.xml_collection_id = ep.major_id)
    WHEN 20 THEN (SELECT d.name FROM sys.data_spaces AS d WHERE d.data_space_id = ep.major_id) END AS hostName,
  CASE WHEN ep.class = 1 THEN (SELECT RTRIM(o.type) FROM sys.objects AS o WHERE o.object_id = ep.major_id) END AS hostType,
  CASE ep.class WHEN 1 THEN COL_NAME(ep.major_id, ep.minor_id)
    WHEN 2 THEN (SELECT p.name FROM sys.parameters AS p WHERE p.object_id = ep.major_id AND p.parameter_id = ep.minor_id)
    WHEN 7 THEN (SELECT i.name FROM sys.indexes AS i WHERE i.object_id = ep.major_id AND i.index_id = ep.minor_id) END AS childName
FROM sys.extended_properties AS ep
ORDER BY ep.class, ep.major_id, ep.minor_id, ep.name;`;

export interface ExtendedPropertyRow {
  readonly propertyClass: number;
  readonly propertyName: string;
  readonly minorId: number;
  /** The value as text; absent for NULL. */
  readonly valueText?: string;
  /** SQL_VARIANT_PROPERTY(value, 'BaseType'): nvarchar, varchar, int, ... */
  readonly valueType?: string;
  readonly hostSchema?: string;
  readonly hostName?: string;
  /** sys.objects.type of an object host (U, V, P, FN, IF, TF, TR, PK, UQ, F, C, D, ...). */
  readonly hostType?: string;
  /** The column, parameter or index name. */
  readonly childName?: string;
}

export function readExtendedPropertyRow(row: RawRow): ExtendedPropertyRow {
  const q = 'extended properties';
  const optional = ['valueText', 'valueType', 'hostSchema', 'hostName', 'hostType', 'childName'] as const;
  const result: Record<string, unknown> = {
    propertyClass: num(row, 'propertyClass', q),
    propertyName: str(row, 'propertyName', q),
    minorId: num(row, 'minorId', q),
  };
  for (const key of optional) {
    const v = optStr(row, key, q);
    if (v !== undefined) result[key] = v;
  }
  return result as unknown as ExtendedPropertyRow;
}
