import type { RawRow } from '../catalog/row-fields';
import { bool, optNum, optStr, str } from '../catalog/row-fields';

/**
 * For every user table: its clustered index type (none for a heap), the leading key column's base
 * type and direction, and whether the index has statistics (a histogram to plan key ranges from).
 */
export const CLUSTERED_KEYS_SQL = `
SELECT s.name AS schemaName, t.name AS tableName, i.type AS indexType,
  TYPE_NAME(c.system_type_id) AS keyType, ic.is_descending_key AS isDescending,
  CASE WHEN STATS_DATE(i.object_id, i.index_id) IS NULL THEN 0 ELSE 1 END AS hasStatistics
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
LEFT JOIN sys.indexes AS i ON i.object_id = t.object_id AND i.index_id = 1
LEFT JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal = 1
LEFT JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE t.is_ms_shipped = 0;`;

export interface ClusteredKeyRow {
  readonly schemaName: string;
  readonly tableName: string;
  /** 1 rowstore clustered, 5 clustered columnstore; absent for a heap. */
  readonly indexType?: number;
  readonly keyType?: string;
  readonly isDescending: boolean;
  readonly hasStatistics: boolean;
}

export function readClusteredKeyRow(row: RawRow): ClusteredKeyRow {
  const q = 'clustered keys';
  const indexType = optNum(row, 'indexType', q);
  const keyType = optStr(row, 'keyType', q);
  return {
    schemaName: str(row, 'schemaName', q),
    tableName: str(row, 'tableName', q),
    isDescending: bool(row, 'isDescending', q),
    hasStatistics: bool(row, 'hasStatistics', q),
    ...(indexType !== undefined ? { indexType } : {}),
    ...(keyType !== undefined ? { keyType } : {}),
  };
}
