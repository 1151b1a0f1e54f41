import type { BcpColumn, BcpSqlType } from '../../../bacpac/bcp/types';
import { MssqlSourceError } from '../errors';
import type { ColumnRow } from './columns';

const FIXED: ReadonlySet<string> = new Set([
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'bit',
  'money',
  'smallmoney',
  'real',
  'date',
  'datetime',
  'smalldatetime',
  'uniqueidentifier',
  'text',
  'ntext',
  'image',
  'xml',
  'sql_variant',
  'geography',
  'geometry',
  'hierarchyid',
]);

/**
 * The BCP column of a catalog column, by its base type. timestamp is rowversion; sysname is
 * kept (it encodes as nvarchar(128)); float(1-24) is real; n-type lengths count characters.
 */
export function toBcpColumn(column: ColumnRow): BcpColumn {
  const base = column.baseTypeName.toLowerCase();
  const name = column.columnName;
  const nullable = column.isNullable;
  if (column.typeName === 'sysname' && !column.isAliasType) {
    return { name, type: 'sysname', nullable, length: 128 };
  }
  if (base === 'timestamp' || base === 'rowversion') return { name, type: 'rowversion', nullable };
  if (base === 'float') {
    return column.precision <= 24 ? { name, type: 'real', nullable } : { name, type: 'float', nullable };
  }
  if (FIXED.has(base)) return { name, type: base as BcpSqlType, nullable };
  switch (base) {
    case 'decimal':
    case 'numeric':
      return { name, type: base, nullable, precision: column.precision, scale: column.scale };
    case 'time':
    case 'datetime2':
    case 'datetimeoffset':
      return { name, type: base, nullable, scale: column.scale };
    case 'char':
    case 'varchar':
    case 'binary':
    case 'varbinary':
      return column.maxLength === -1
        ? { name, type: base, nullable, isMax: true }
        : { name, type: base, nullable, length: column.maxLength };
    case 'nchar':
    case 'nvarchar':
      return column.maxLength === -1
        ? { name, type: base, nullable, isMax: true }
        : { name, type: base, nullable, length: column.maxLength / 2 };
  }
  throw new MssqlSourceError(
    'SQL_UNSUPPORTED',
    `[${column.schemaName}].[${column.tableName}].[${name}]: column type ${column.typeName} (base ${column.baseTypeName}) cannot be exported to a BACPAC`,
  );
}

/** Whether a column's type is one this source can read and a BACPAC can carry. */
export function isSupportedColumnType(column: ColumnRow): boolean {
  try {
    toBcpColumn(column);
    return true;
  } catch {
    return false;
  }
}
