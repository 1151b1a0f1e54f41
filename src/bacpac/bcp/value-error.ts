import { BacpacError } from '../errors';

/**
 * A value-level fault raised by a type codec, before the codec knows which table, column and row it
 * is working on. The row encoder and decoder catch it and rethrow it as a BacpacError that names
 * the field (see {@link fieldError}).
 */
export class BcpValueError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BcpValueError';
  }
}

/** Where a field sits: used to name the object in every codec error message. */
export interface FieldPosition {
  readonly table: string;
  readonly column: string;
  /** 1-based row number within the stream. */
  readonly row: number;
}

/** Builds the library error for one field: `[CODE] dbo.T row 3 column Price: ...`. */
export function fieldError(code: string, at: FieldPosition, message: string): BacpacError {
  return new BacpacError(code, `${at.table} row ${at.row} column ${at.column}: ${message}`, {
    table: at.table,
    column: at.column,
    row: at.row,
  });
}

/** Short description of a JS value for "found ..." in messages, without dumping large values. */
export function describeValue(value: unknown): string {
  if (value === null) return 'NULL';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    return value.length > 40
      ? `string "${value.slice(0, 40)}..." (${value.length} chars)`
      : `string "${value}"`;
  }
  if (typeof value === 'bigint') return `bigint ${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Buffer.isBuffer(value)) return `Buffer of ${value.length} bytes`;
  if (value instanceof Uint8Array) return `Uint8Array of ${value.length} bytes`;
  if (value instanceof Date) return 'Date object';
  return typeof value === 'object' ? 'object' : typeof value;
}
