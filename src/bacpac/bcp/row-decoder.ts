import { BacpacError } from '../errors';
import { type CompiledColumn, compileColumns } from './column-codec';
import type { BcpColumn, BcpValue } from './types';
import { BcpValueError, fieldError } from './value-error';

const TWO_32 = 4294967296;

/**
 * Decodes whole rows out of a buffer with offset arithmetic. When the buffer ends inside a row it
 * reports how many bytes from the row's start are needed at least, so a streaming caller can wait
 * for that many before trying again instead of retrying on every small chunk.
 */
export class RowDecoder {
  readonly columns: readonly CompiledColumn[];
  /** After an incomplete row: bytes needed from the row start before the row can make progress. */
  need = 0;
  /** After an incomplete row: index of the column whose field was cut off. */
  cutColumn = 0;

  constructor(
    readonly table: string,
    columns: readonly BcpColumn[],
  ) {
    if (columns.length === 0) {
      throw new BacpacError('BCP_BAD_COLUMN', `${table}: a BCP row needs at least one column`, { table });
    }
    this.columns = compileColumns(columns);
  }

  /**
   * Decodes the row at `start` into `values`. Returns the offset after the row, or -1 when `end`
   * comes first (then `need` and `cutColumn` describe what is missing).
   */
  decodeRow(buf: Buffer, start: number, end: number, rowNumber: number, values: BcpValue[]): number {
    const columns = this.columns;
    let pos = start;
    for (let i = 0; i < columns.length; i++) {
      const field = columns[i]!;
      const layout = field.layout;
      const prefixBytes = layout.prefixBytes;
      let length = layout.fixedLength;
      if (prefixBytes !== 0) {
        if (pos + prefixBytes > end) return this.cut(i, pos + prefixBytes - start);
        let isNull: boolean;
        if (prefixBytes === 1) {
          length = buf[pos] as number;
          isNull = length === 0xff;
        } else if (prefixBytes === 2) {
          length = buf.readUInt16LE(pos);
          isNull = length === 0xffff;
        } else if (prefixBytes === 4) {
          length = buf.readUInt32LE(pos);
          isNull = layout.nullAsZeroLength ? length === 0 : length === 0xffffffff;
        } else {
          const low = buf.readUInt32LE(pos);
          const high = buf.readUInt32LE(pos + 4);
          isNull = low === 0xffffffff && high === 0xffffffff;
          length = high * TWO_32 + low;
        }
        pos += prefixBytes;
        if (isNull) {
          values[i] = null;
          continue;
        }
        if (
          layout.fixedLength >= 0
            ? length !== layout.fixedLength
            : length > layout.maxLength ||
              (layout.evenLength && (length & 1) === 1) ||
              (layout.nullAsZeroLength && length < 2)
        ) {
          throw fieldError(
            'BCP_BAD_LENGTH',
            { table: this.table, column: field.column.name, row: rowNumber },
            this.badLength(field, length),
          );
        }
      }
      if (pos + length > end) return this.cut(i, pos + length - start);
      try {
        values[i] = field.codec.decode(buf, pos, length);
      } catch (error) {
        if (error instanceof BcpValueError) {
          throw fieldError(
            error.code,
            { table: this.table, column: field.column.name, row: rowNumber },
            error.message,
          );
        }
        throw error;
      }
      pos += length;
    }
    return pos;
  }

  /** The error for a stream that ends inside a row: `[BCP_TRUNCATED] dbo.T row N column C: ...`. */
  truncatedError(rowNumber: number, available: number): BacpacError {
    const column = this.columns[this.cutColumn]!;
    return fieldError(
      'BCP_TRUNCATED',
      { table: this.table, column: column.column.name, row: rowNumber },
      `the data ends inside this ${column.label} field: the row has ${available} bytes, at least ${this.need} are needed`,
    );
  }

  private cut(column: number, need: number): number {
    this.cutColumn = column;
    this.need = need;
    return -1;
  }

  private badLength(field: CompiledColumn, length: number): string {
    const { layout } = field;
    const prefixHex = length.toString(16).padStart(layout.prefixBytes * 2, '0');
    const expected =
      layout.fixedLength >= 0
        ? `${layout.fixedLength}`
        : `at most ${layout.maxLength}${layout.evenLength ? ' and even' : ''}`;
    return `impossible length ${length} (prefix 0x${prefixHex}) for ${field.label}: expected ${expected} or the NULL marker`;
  }
}
