import type { BcpColumn, BcpValue } from '../../../bacpac/bcp/types';
import { MssqlSourceError } from '../errors';
import { describe, normaliseDecimalText, parseBigIntText } from './decimal-text';
import {
  normaliseDateText,
  normaliseDateTime2Text,
  normaliseDateTimeOffsetText,
  normaliseDateTimeText,
  normaliseSmallDateTimeText,
  normaliseTimeText,
} from './temporal-text';

/**
 * Converts the value the driver returns for a column's select expression (see
 * `selectExpression`) into the column's BcpValue. Every exact type arrives as text built on the
 * server, so nothing exact passes through a JS number; float and real arrive as the IEEE value
 * itself, which a JS number holds exactly.
 */
export function toBcpValue(column: BcpColumn, value: unknown, where: string): BcpValue {
  if (value === null || value === undefined) return null;
  const wrong = (expected: string): never => {
    throw new MssqlSourceError(
      'SQL_VALUE',
      `${where}: expected ${expected} for ${column.type}, found ${describe(value)}`,
    );
  };
  switch (column.type) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : wrong('an integer');
    case 'bigint':
      return parseBigIntText(value, where);
    case 'bit':
      if (typeof value === 'boolean') return value;
      return value === 0 || value === 1 ? value === 1 : wrong('a boolean');
    case 'decimal':
    case 'numeric':
    case 'money':
    case 'smallmoney':
      return typeof value === 'string' ? normaliseDecimalText(value, where) : wrong('decimal text');
    case 'real':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong('a finite number');
    case 'date':
      return normaliseDateText(value, where);
    case 'time':
      return normaliseTimeText(value, column.scale ?? 7, where);
    case 'datetime2':
      return normaliseDateTime2Text(value, column.scale ?? 7, where);
    case 'datetimeoffset':
      return normaliseDateTimeOffsetText(value, column.scale ?? 7, where);
    case 'datetime':
      return normaliseDateTimeText(value, where);
    case 'smalldatetime':
      return normaliseSmallDateTimeText(value, where);
    case 'uniqueidentifier':
      if (typeof value === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value.trim())) {
        return value.trim().toUpperCase();
      }
      return wrong('a GUID');
    case 'char':
    case 'varchar':
    case 'text':
    case 'nchar':
    case 'nvarchar':
    case 'ntext':
    case 'sysname':
    case 'xml':
      return typeof value === 'string' ? value : wrong('a string');
    case 'binary':
    case 'varbinary':
    case 'image':
    case 'rowversion':
    case 'geography':
    case 'geometry':
    case 'hierarchyid':
      return Buffer.isBuffer(value) ? value : wrong('bytes');
    case 'sql_variant':
      throw new MssqlSourceError(
        'SQL_VALUE',
        `${where}: sql_variant values are read through readSqlVariant, not toBcpValue`,
      );
  }
}
