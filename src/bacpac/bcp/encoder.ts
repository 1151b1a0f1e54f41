import { Transform, type TransformCallback } from 'node:stream';
import { BacpacError } from '../errors';
import { ByteWriter } from './byte-writer';
import { compileColumns, type CompiledColumn } from './column-codec';
import type { FieldLayout } from './field-layout';
import type { BcpColumn, BcpRow, BcpValue } from './types';
import { BcpValueError, describeValue, fieldError } from './value-error';

/** Table and 1-based row number of the row being encoded, for error messages. */
export interface RowContext {
  readonly table: string;
  readonly row: number;
}

const TWO_32 = 4294967296;

function writeNull(out: ByteWriter, layout: FieldLayout): void {
  if (layout.nullAsZeroLength) out.fill(0, layout.prefixBytes);
  else out.fill(0xff, layout.prefixBytes);
}

function writePrefix(buf: Buffer, at: number, prefixBytes: number, length: number): void {
  if (prefixBytes === 1) buf[at] = length;
  else if (prefixBytes === 2) buf.writeUInt16LE(length, at);
  else if (prefixBytes === 4) buf.writeUInt32LE(length, at);
  else {
    const low = length % TWO_32;
    buf.writeUInt32LE(low, at);
    buf.writeUInt32LE((length - low) / TWO_32, at + 4);
  }
}

/**
 * Appends one row in BCP native format to `out`. On any error nothing of the row stays in `out`,
 * and the error names the table, column and row (`[BCP_TOO_LONG] dbo.T row 3 column Name: ...`).
 */
export function encodeRow(
  columns: readonly BcpColumn[],
  row: BcpRow,
  out: ByteWriter,
  context: RowContext = { table: '(table)', row: 1 },
): void {
  encodeCompiledRow(compileColumns(columns), row, out, context.table, context.row);
}

/** encodeRow for columns already compiled (the stream encoder compiles once, not per row). */
function encodeCompiledRow(
  compiled: readonly CompiledColumn[],
  row: BcpRow,
  out: ByteWriter,
  table: string,
  rowNumber: number,
): void {
  if (!Array.isArray(row) || row.length !== compiled.length) {
    throw new BacpacError(
      'BCP_ROW_SHAPE',
      `${table} row ${rowNumber}: expected an array of ${compiled.length} values, found ` +
        (Array.isArray(row) ? `${row.length} values` : describeValue(row)),
      { table, row: rowNumber },
    );
  }
  const start = out.pos;
  let i = 0;
  try {
    for (; i < compiled.length; i++) {
      const field = compiled[i]!;
      const value = row[i] as BcpValue | undefined;
      const layout = field.layout;
      if (value === null || value === undefined) {
        if (!field.column.nullable) {
          throw new BcpValueError('BCP_NULL', `NULL given for NOT NULL ${field.label} column`);
        }
        writeNull(out, layout);
        continue;
      }
      const prefixBytes = layout.prefixBytes;
      if (prefixBytes === 0) {
        field.codec.encode(out, value);
        continue;
      }
      out.ensure(prefixBytes);
      const prefixAt = out.pos;
      out.pos += prefixBytes;
      field.codec.encode(out, value);
      writePrefix(out.buf, prefixAt, prefixBytes, out.pos - prefixAt - prefixBytes);
    }
  } catch (error) {
    out.pos = start;
    if (error instanceof BcpValueError) {
      throw fieldError(
        error.code,
        { table, column: compiled[i]!.column.name, row: rowNumber },
        error.message,
      );
    }
    throw error;
  }
}

export interface BcpEncoderOptions {
  /** Table name for error messages, e.g. `dbo.Orders`. */
  readonly table: string;
  readonly columns: readonly BcpColumn[];
  /** Bytes gathered before a chunk is pushed (default 256 KiB: fewer hand-offs to the compressor). */
  readonly chunkSize?: number;
  /**
   * Called before each row. When it returns a promise the row waits for it, and a rejection fails
   * the stream with its error (how an export part stops at a cancel); undefined lets the row pass.
   */
  readonly checkpoint?: () => Promise<void> | undefined;
}

/** The encoder stream, with the number of rows encoded so far. */
export interface BcpEncoder extends Transform {
  readonly rows: number;
}

/**
 * A stream that takes rows (arrays of values, object mode) and gives BCP native bytes in chunks of
 * about `chunkSize`. It keeps normal stream backpressure: when the reader is slow, `write()`
 * returns false and at most about one chunk plus the writable buffer is held.
 */
export function createBcpEncoder(options: BcpEncoderOptions): BcpEncoder {
  const { table, columns, checkpoint } = options;
  const chunkSize = options.chunkSize ?? 256 * 1024;
  const compiled = compileColumns(columns);
  const out = new ByteWriter(chunkSize + 4096);
  let rowNumber = 0;
  const encode = (stream: Transform, row: BcpRow, callback: TransformCallback): void => {
    try {
      rowNumber += 1;
      encodeCompiledRow(compiled, row, out, table, rowNumber);
    } catch (error) {
      callback(error as Error);
      return;
    }
    if (out.pos >= chunkSize) stream.push(out.take());
    callback();
  };
  const stream = new Transform({
    writableObjectMode: true,
    readableObjectMode: false,
    readableHighWaterMark: chunkSize,
    transform(row: BcpRow, _encoding: BufferEncoding, callback: TransformCallback): void {
      const wait = checkpoint?.();
      if (wait === undefined) {
        encode(this, row, callback);
        return;
      }
      wait.then(
        () => encode(this, row, callback),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    flush(callback: TransformCallback): void {
      if (out.pos > 0) this.push(out.take());
      callback();
    },
  });
  return Object.defineProperty(stream, 'rows', { get: () => rowNumber }) as BcpEncoder;
}
