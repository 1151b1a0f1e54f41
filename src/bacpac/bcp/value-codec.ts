import type { ByteWriter } from './byte-writer';
import type { BcpColumn, BcpValue } from './types';

/**
 * The data part of one column's field, without its length prefix: the family modules build one of
 * these per column, and the row encoder and decoder add the framing from the field layout.
 */
export interface ValueCodec {
  /** Writes the data bytes of a non-NULL value; throws BcpValueError when the value does not fit. */
  encode(out: ByteWriter, value: BcpValue): void;
  /** Reads `length` data bytes at `offset`; throws BcpValueError when the bytes are not a valid value. */
  decode(buf: Buffer, offset: number, length: number): BcpValue;
}

/** The column's type as SQL Server spells it in DDL, for messages: `decimal(38,0)`, `nvarchar(max)`. */
export function typeLabel(column: BcpColumn): string {
  switch (column.type) {
    case 'decimal':
    case 'numeric':
      return `${column.type}(${column.precision ?? 18},${column.scale ?? 0})`;
    case 'time':
    case 'datetime2':
    case 'datetimeoffset':
      return `${column.type}(${column.scale ?? 0})`;
    case 'char':
    case 'nchar':
    case 'binary':
    case 'varchar':
    case 'nvarchar':
    case 'varbinary':
      return `${column.type}(${column.isMax ? 'max' : String(column.length)})`;
    default:
      return column.type;
  }
}
