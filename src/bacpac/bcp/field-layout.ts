import { BacpacError } from '../errors';
import type { BcpColumn } from './types';

/**
 * How one column's field is framed in a BCP native row (format spec 5.3): the width of its length
 * prefix (0 when the field has none), the data length it must have, and what a NULL looks like.
 */
export interface FieldLayout {
  /** Bytes of little-endian length prefix before the data: 0, 1, 2, 4 or 8. */
  readonly prefixBytes: 0 | 1 | 2 | 4 | 8;
  /** Exact data length for fixed-size fields, or -1 when the length varies. */
  readonly fixedLength: number;
  /** Largest allowed data length for variable fields (the same as fixedLength for fixed ones). */
  readonly maxLength: number;
  /** True for UTF-16LE data, whose length must be even. */
  readonly evenLength: boolean;
  /** sql_variant writes NULL as length 0 instead of an all-FF prefix. */
  readonly nullAsZeroLength: boolean;
}

/** The largest value SQL Server stores in a (max), text, ntext, image or xml column: 2^31-1 bytes. */
export const MAX_LOB_BYTES = 2 ** 31 - 1;

/** Fixed data sizes of the types whose field has a 1-byte prefix when nullable and none when NOT NULL. */
const FIXED_SIZE: Readonly<Record<string, number>> = {
  tinyint: 1,
  smallint: 2,
  int: 4,
  bigint: 8,
  real: 4,
  float: 8,
  money: 8,
  smallmoney: 4,
  datetime: 8,
  smalldatetime: 4,
  date: 3,
  time: 5,
  datetime2: 8,
  datetimeoffset: 10,
};

function layout(
  prefixBytes: FieldLayout['prefixBytes'],
  fixedLength: number,
  maxLength: number,
  evenLength = false,
  nullAsZeroLength = false,
): FieldLayout {
  return { prefixBytes, fixedLength, maxLength, evenLength, nullAsZeroLength };
}

/** Declared length of an n-sized column, or a clear error when the column description lacks it. */
export function declaredLength(column: BcpColumn): number {
  const n = column.length;
  if (n === undefined || !Number.isInteger(n) || n < 1) {
    throw new BacpacError(
      'BCP_BAD_COLUMN',
      `column ${column.name}: type ${column.type} needs a positive integer length, found ${String(n)}`,
      { column: column.name },
    );
  }
  return n;
}

/** The field layout of a column, from its type and nullability (format spec 5.3). */
export function fieldLayout(column: BcpColumn): FieldLayout {
  const { type, nullable } = column;
  const fixed = FIXED_SIZE[type];
  if (fixed !== undefined) return layout(nullable ? 1 : 0, fixed, fixed);
  switch (type) {
    case 'bit':
      return layout(1, 1, 1);
    case 'decimal':
    case 'numeric':
      return layout(1, 19, 19);
    case 'uniqueidentifier':
      return layout(1, 16, 16);
    case 'char': {
      const n = declaredLength(column) * 2;
      return layout(nullable ? 2 : 0, n, n, true);
    }
    case 'nchar': {
      const n = declaredLength(column) * 2;
      return layout(2, n, n, true);
    }
    case 'binary': {
      const n = declaredLength(column);
      return layout(2, n, n);
    }
    case 'varchar':
    case 'nvarchar':
      return column.isMax
        ? layout(8, -1, MAX_LOB_BYTES - 1, true)
        : layout(2, -1, declaredLength(column) * 2, true);
    case 'varbinary':
      return column.isMax ? layout(8, -1, MAX_LOB_BYTES) : layout(2, -1, declaredLength(column));
    case 'sysname':
      return layout(2, -1, 256, true);
    case 'rowversion':
      return layout(2, 8, 8);
    case 'text':
    case 'ntext':
      return layout(4, -1, MAX_LOB_BYTES - 1, true);
    case 'image':
      return layout(4, -1, MAX_LOB_BYTES);
    case 'sql_variant':
      return layout(4, -1, 8016, false, true);
    case 'xml':
      return layout(8, -1, MAX_LOB_BYTES - 1, true);
    case 'geography':
    case 'geometry':
    case 'hierarchyid':
      return layout(8, -1, MAX_LOB_BYTES);
    default:
      throw new BacpacError('BCP_BAD_COLUMN', `column ${column.name}: unknown type ${String(type)}`, {
        column: column.name,
      });
  }
}
