import type { RawRow } from './row-fields';
import { bool, num, str } from './row-fields';

/** The primary key and unique constraints of user table types, one row per key column. */
export const TABLE_TYPE_KEYS_SQL = `
SELECT SCHEMA_NAME(tt.schema_id) AS schemaName, tt.name AS typeName, kc.object_id AS constraintId,
  RTRIM(kc.type) AS constraintType, i.type AS indexType, c.name AS columnName, ic.is_descending_key AS isDescending
FROM sys.table_types AS tt
JOIN sys.key_constraints AS kc ON kc.parent_object_id = tt.type_table_object_id
JOIN sys.index_columns AS ic ON ic.object_id = kc.parent_object_id AND ic.index_id = kc.unique_index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
JOIN sys.indexes AS i ON i.object_id = kc.parent_object_id AND i.index_id = kc.unique_index_id
WHERE tt.is_user_defined = 1 AND ic.is_included_column = 0
ORDER BY tt.user_type_id, kc.object_id, ic.key_ordinal;`;

export interface TableTypeKeyRow {
  readonly schemaName: string;
  readonly typeName: string;
  readonly constraintId: number;
  /** PK or UQ. */
  readonly constraintType: string;
  /** 1 clustered, 2 nonclustered. */
  readonly indexType: number;
  readonly columnName: string;
  readonly isDescending: boolean;
}

export function readTableTypeKeyRow(row: RawRow): TableTypeKeyRow {
  const q = 'table type keys';
  return {
    schemaName: str(row, 'schemaName', q),
    typeName: str(row, 'typeName', q),
    constraintId: num(row, 'constraintId', q),
    constraintType: str(row, 'constraintType', q),
    indexType: num(row, 'indexType', q),
    columnName: str(row, 'columnName', q),
    isDescending: bool(row, 'isDescending', q),
  };
}

/** The check constraints of user table types. */
export const TABLE_TYPE_CHECKS_SQL = `
SELECT SCHEMA_NAME(tt.schema_id) AS schemaName, tt.name AS typeName, cc.definition AS definition
FROM sys.table_types AS tt
JOIN sys.check_constraints AS cc ON cc.parent_object_id = tt.type_table_object_id
WHERE tt.is_user_defined = 1
ORDER BY tt.user_type_id, cc.object_id;`;

export interface TableTypeCheckRow {
  readonly schemaName: string;
  readonly typeName: string;
  readonly definition: string;
}

export function readTableTypeCheckRow(row: RawRow): TableTypeCheckRow {
  const q = 'table type checks';
  return {
    schemaName: str(row, 'schemaName', q),
    typeName: str(row, 'typeName', q),
    definition: str(row, 'definition', q),
  };
}
