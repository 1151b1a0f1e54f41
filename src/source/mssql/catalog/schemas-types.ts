import type { RawRow } from './row-fields';
import { bool, num, str } from './row-fields';

/** User schemas (the built-in ones are references, not elements) and their owners. */
export const SCHEMAS_SQL = `
SELECT s.name AS schemaName, p.name AS ownerName
FROM sys.schemas AS s
JOIN sys.database_principals AS p ON p.principal_id = s.principal_id
WHERE s.schema_id BETWEEN 5 AND 16383
ORDER BY s.name;`;

export interface SchemaRow {
  readonly schemaName: string;
  readonly ownerName: string;
}

export function readSchemaRow(row: RawRow): SchemaRow {
  return { schemaName: str(row, 'schemaName', 'schemas'), ownerName: str(row, 'ownerName', 'schemas') };
}

/** Alias types (CREATE TYPE x FROM base), not table types or CLR types. */
export const ALIAS_TYPES_SQL = `
SELECT SCHEMA_NAME(t.schema_id) AS schemaName, t.name AS typeName, TYPE_NAME(t.system_type_id) AS baseTypeName,
  t.max_length AS maxLength, t.precision AS precision, t.scale AS scale, t.is_nullable AS isNullable
FROM sys.types AS t
WHERE t.is_user_defined = 1 AND t.is_table_type = 0 AND t.is_assembly_type = 0
ORDER BY t.schema_id, t.name;`;

export interface AliasTypeRow {
  readonly schemaName: string;
  readonly typeName: string;
  readonly baseTypeName: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  readonly isNullable: boolean;
}

export function readAliasTypeRow(row: RawRow): AliasTypeRow {
  const q = 'alias types';
  return {
    schemaName: str(row, 'schemaName', q),
    typeName: str(row, 'typeName', q),
    baseTypeName: str(row, 'baseTypeName', q),
    maxLength: num(row, 'maxLength', q),
    precision: num(row, 'precision', q),
    scale: num(row, 'scale', q),
    isNullable: bool(row, 'isNullable', q),
  };
}

/**
 * Row counts and reserved bytes of every user table from sys.dm_db_partition_stats (heap or
 * clustered index only, so rows are not counted once per index), as exact decimal text.
 */
export const ROW_COUNTS_SQL = `
SELECT s.name AS schemaName, t.name AS tableName,
  CAST(SUM(CASE WHEN ps.index_id IN (0, 1) THEN ps.row_count ELSE 0 END) AS varchar(20)) AS rowCount,
  CAST(SUM(ps.reserved_page_count) * 8192 AS varchar(20)) AS reservedBytes,
  MAX(CASE WHEN ps.index_id = 1 THEN 1 ELSE 0 END) AS hasClusteredIndex
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
JOIN sys.dm_db_partition_stats AS ps ON ps.object_id = t.object_id
WHERE t.is_ms_shipped = 0
GROUP BY s.name, t.name;`;

export interface RowCountRow {
  readonly schemaName: string;
  readonly tableName: string;
  readonly rowCount: string;
  readonly reservedBytes: string;
  readonly hasClusteredIndex: boolean;
}

export function readRowCountRow(row: RawRow): RowCountRow {
  const q = 'row counts';
  return {
    schemaName: str(row, 'schemaName', q),
    tableName: str(row, 'tableName', q),
    rowCount: str(row, 'rowCount', q),
    reservedBytes: str(row, 'reservedBytes', q),
    hasClusteredIndex: bool(row, 'hasClusteredIndex', q),
  };
}
