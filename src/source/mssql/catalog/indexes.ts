import type { RawRow } from './row-fields';
import { bool, num, optNum, optStr, str } from './row-fields';

/**
 * Every relational and XML index of every user table, one row per index column (key columns in
 * key order, then included columns), with the key constraint that owns it, if any.
 */
export const INDEXES_SQL = `
SELECT
  s.name AS schemaName, t.name AS tableName, t.object_id AS tableId,
  i.index_id AS indexId, i.name AS indexName, i.type AS indexType,
  i.is_unique AS isUnique, i.is_primary_key AS isPrimaryKey, i.is_unique_constraint AS isUniqueConstraint,
  i.ignore_dup_key AS ignoreDupKey, i.fill_factor AS fillFactor, i.filter_definition AS filterDefinition,
  i.is_disabled AS isDisabled, kc.is_system_named AS isSystemNamed,
  ic.key_ordinal AS keyOrdinal, ic.is_included_column AS isIncluded, ic.is_descending_key AS isDescending,
  c.name AS columnName,
  xi.using_xml_index_id AS usingXmlIndexId, xi.secondary_type AS secondaryXmlType,
  pxi.name AS primaryXmlIndexName
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.object_id = i.object_id
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
LEFT JOIN sys.key_constraints AS kc ON kc.parent_object_id = i.object_id AND kc.unique_index_id = i.index_id
LEFT JOIN sys.xml_indexes AS xi ON xi.object_id = i.object_id AND xi.index_id = i.index_id
LEFT JOIN sys.indexes AS pxi ON pxi.object_id = i.object_id AND pxi.index_id = xi.using_xml_index_id
WHERE t.is_ms_shipped = 0 AND i.type IN (1, 2, 3, 5, 6) AND i.is_hypothetical = 0
ORDER BY t.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id;`;

export interface IndexColumnRow {
  readonly schemaName: string;
  readonly tableName: string;
  readonly tableId: number;
  readonly indexId: number;
  readonly indexName: string;
  /** 1 clustered, 2 nonclustered, 3 XML, 5 clustered columnstore, 6 nonclustered columnstore. */
  readonly indexType: number;
  readonly isUnique: boolean;
  readonly isPrimaryKey: boolean;
  readonly isUniqueConstraint: boolean;
  readonly ignoreDupKey: boolean;
  readonly fillFactor: number;
  readonly filterDefinition?: string;
  readonly isDisabled: boolean;
  readonly isSystemNamed: boolean;
  readonly keyOrdinal: number;
  readonly isIncluded: boolean;
  readonly isDescending: boolean;
  readonly columnName: string;
  readonly secondaryXmlType?: string;
  readonly primaryXmlIndexName?: string;
}

export function readIndexColumnRow(row: RawRow): IndexColumnRow {
  const q = 'indexes';
  const filterDefinition = optStr(row, 'filterDefinition', q);
  const secondaryXmlType = optStr(row, 'secondaryXmlType', q);
  const primaryXmlIndexName = optStr(row, 'primaryXmlIndexName', q);
  return {
    schemaName: str(row, 'schemaName', q),
    tableName: str(row, 'tableName', q),
    tableId: num(row, 'tableId', q),
    indexId: num(row, 'indexId', q),
    indexName: str(row, 'indexName', q),
    indexType: num(row, 'indexType', q),
    isUnique: bool(row, 'isUnique', q),
    isPrimaryKey: bool(row, 'isPrimaryKey', q),
    isUniqueConstraint: bool(row, 'isUniqueConstraint', q),
    ignoreDupKey: bool(row, 'ignoreDupKey', q),
    fillFactor: optNum(row, 'fillFactor', q) ?? 0,
    isDisabled: bool(row, 'isDisabled', q),
    isSystemNamed: bool(row, 'isSystemNamed', q),
    keyOrdinal: optNum(row, 'keyOrdinal', q) ?? 0,
    isIncluded: bool(row, 'isIncluded', q),
    isDescending: bool(row, 'isDescending', q),
    columnName: str(row, 'columnName', q),
    ...(filterDefinition !== undefined ? { filterDefinition } : {}),
    ...(secondaryXmlType !== undefined ? { secondaryXmlType } : {}),
    ...(primaryXmlIndexName !== undefined ? { primaryXmlIndexName } : {}),
  };
}
