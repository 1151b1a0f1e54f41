import { Transform, type TransformCallback } from 'node:stream';
import { PendingBytes } from './pending-bytes';
import { RowDecoder } from './row-decoder';
import type { BcpColumn, BcpRow, BcpValue } from './types';

export interface BcpDecoderOptions {
  /** Table name for error messages, e.g. `dbo.Orders`. */
  readonly table: string;
  readonly columns: readonly BcpColumn[];
}

/**
 * A stream that takes the bytes of one BCP data file, in chunks cut anywhere, and gives its rows
 * (arrays of values, object mode). It keeps only the unfinished row between chunks, and waits until
 * enough bytes for that row's next field have arrived before trying again, so a large (max) value
 * spread over many chunks is joined once. A file that ends inside a row fails with BCP_TRUNCATED.
 */
export function createBcpDecoder(options: BcpDecoderOptions): Transform {
  const decoder = new RowDecoder(options.table, options.columns);
  const width = options.columns.length;
  const pending = new PendingBytes(decoder);
  let rowNumber = 0;
  return new Transform({
    writableObjectMode: false,
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      const buf = pending.add(chunk);
      if (buf === undefined) {
        callback();
        return;
      }
      let offset = 0;
      try {
        while (offset < buf.length) {
          const values = new Array<BcpValue>(width);
          const next = decoder.decodeRow(buf, offset, buf.length, rowNumber + 1, values);
          if (next < 0) break;
          rowNumber += 1;
          offset = next;
          this.push(values);
        }
      } catch (error) {
        callback(error as Error);
        return;
      }
      pending.keepFrom(buf, offset);
      callback();
    },
    flush(callback: TransformCallback): void {
      callback(pending.length > 0 ? decoder.truncatedError(rowNumber + 1, pending.length) : null);
    },
  });
}

/** Decodes a whole BCP data file held in memory (for tests and tools), one row at a time. */
export function* decodeBcpRows(
  buffer: Buffer,
  columns: readonly BcpColumn[],
  table: string,
): Generator<BcpRow> {
  const decoder = new RowDecoder(table, columns);
  let offset = 0;
  let rowNumber = 0;
  while (offset < buffer.length) {
    const values = new Array<BcpValue>(columns.length);
    const next = decoder.decodeRow(buffer, offset, buffer.length, rowNumber + 1, values);
    if (next < 0) throw decoder.truncatedError(rowNumber + 1, buffer.length - offset);
    rowNumber += 1;
    offset = next;
    yield values;
  }
}
