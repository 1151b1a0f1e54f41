import type { RawRow } from '../catalog/row-fields';
import { bool, num, str } from '../catalog/row-fields';
import type { KeyColumnType } from './key-literal';

/** The columns of a table's clustered index (or, for a heap, its primary key), in key order. */
export const ORDER_KEY_SQL = `
SELECT c.name AS columnName, TYPE_NAME(c.system_type_id) AS typeName, c.max_length AS maxLength,
  c.precision AS precision, c.scale AS scale, ic.is_descending_key AS isDescending, i.index_id AS indexId,
  i.type AS indexType
FROM sys.indexes AS i
JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE i.object_id = OBJECT_ID(@table)
  AND i.index_id = COALESCE(
    (SELECT index_id FROM sys.indexes WHERE object_id = OBJECT_ID(@table) AND type = 1),
    (SELECT index_id FROM sys.indexes WHERE object_id = OBJECT_ID(@table) AND is_primary_key = 1))
ORDER BY ic.key_ordinal;`;

export interface OrderKeyColumn {
  readonly columnName: string;
  readonly typeName: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly isDescending: boolean;
  readonly indexId: number;
  /** 1 when the key is the clustered index. */
  readonly indexType: number;
}

export function readOrderKeyColumn(row: RawRow): OrderKeyColumn {
  const q = 'order key';
  return {
    columnName: str(row, 'columnName', q),
    typeName: str(row, 'typeName', q),
    maxLength: num(row, 'maxLength', q),
    precision: num(row, 'precision', q),
    scale: num(row, 'scale', q),
    isDescending: bool(row, 'isDescending', q),
    indexId: num(row, 'indexId', q),
    indexType: num(row, 'indexType', q),
  };
}

/** The key column's type as T-SQL declares it, for exact literals. */
export function keyColumnType(k: OrderKeyColumn): KeyColumnType {
  const t = k.typeName.toLowerCase();
  let declaration = t;
  if (t === 'decimal' || t === 'numeric') declaration = `${t}(${k.precision},${k.scale})`;
  else if (t === 'time' || t === 'datetime2' || t === 'datetimeoffset') declaration = `${t}(${k.scale})`;
  else if (t === 'char' || t === 'varchar') declaration = `${t}(${k.maxLength === -1 ? 'max' : k.maxLength})`;
  else if (t === 'nchar' || t === 'nvarchar')
    declaration = `${t}(${k.maxLength === -1 ? 'max' : k.maxLength / 2})`;
  return { type: t, declaration };
}

/** The histogram of the statistics of index `@statsId` with exact key text. */
export function histogramSql(keyTextExpression: string): string {
  return `
SELECT ${keyTextExpression} AS upperText, CAST(h.range_rows AS float) AS rangeRows, CAST(h.equal_rows AS float) AS equalRows
FROM sys.dm_db_stats_histogram(OBJECT_ID(@table), @statsId) AS h
ORDER BY h.step_number;`;
}
