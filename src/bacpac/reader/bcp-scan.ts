import { PendingBytes } from '../bcp/pending-bytes';
import { RowDecoder } from '../bcp/row-decoder';
import type { BcpColumn, BcpValue } from '../bcp';
import { BacpacError } from '../errors';
import { ReaderErrorCode, readerError } from './reader-error';

export interface BcpScanOptions {
  /** The part name, for messages. */
  readonly part: string;
  /** `schema.table`, for messages. */
  readonly table: string;
  readonly columns: readonly BcpColumn[];
  /** The part's size from the ZIP directory, when known: lets a bad tail be told from bad data. */
  readonly size?: number;
}

export interface BcpScanResult {
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Decodes every row of one BCP data part, streamed, and counts them; no row is kept. Holds at most
 * one unfinished row between chunks. A part that does not decode to its last byte fails, naming the
 * part, the row and the byte offset where the clean rows end:
 * - BACPAC_BCP_TRUNCATED: the part ends inside a row whose fields so far are valid (bytes missing at
 *   the end, or stray bytes that happen to look like the start of a row);
 * - BACPAC_BCP_TRAILING_BYTES: the rows decode cleanly up to an offset, and the bytes left after it,
 *   fewer than the largest row of the part, are not a row;
 * - BACPAC_BCP_INVALID: any other field that cannot be decoded.
 * ZIP errors of the underlying stream (CRC, size) pass through unchanged.
 */
export async function scanBcpPart(
  data: AsyncIterable<Buffer>,
  options: BcpScanOptions,
): Promise<BcpScanResult> {
  const { part, table } = options;
  const decoder = new RowDecoder(table, options.columns);
  const values = new Array<BcpValue>(options.columns.length);
  const pending = new PendingBytes(decoder);
  let rowStart = 0;
  let rows = 0;
  let largestRow = 0;
  let total = 0;
  for await (const chunk of data) {
    total += chunk.length;
    const buf = pending.add(chunk);
    if (buf === undefined) continue;
    let offset = 0;
    try {
      while (offset < buf.length) {
        const next = decoder.decodeRow(buf, offset, buf.length, rows + 1, values);
        if (next < 0) break;
        largestRow = Math.max(largestRow, next - offset);
        rows += 1;
        offset = next;
      }
    } catch (error) {
      if (!(error instanceof BacpacError)) throw error;
      throw badRow(error, options, rows, rowStart + offset, largestRow);
    }
    rowStart += offset;
    pending.keepFrom(buf, offset);
  }
  if (pending.length > 0) {
    const column = decoder.columns[decoder.cutColumn]?.column.name ?? '?';
    throw readerError(
      ReaderErrorCode.BcpTruncated,
      `part ${part} (${table}): the data ends inside row ${rows + 1} (column ${column}): ${rows} rows end at ` +
        `byte ${rowStart}, the ${pending.length} bytes after them are the start of a row that needs at least ` +
        `${decoder.need}; either bytes are missing at the end or stray bytes follow the last row`,
      { part, table, rows, offset: rowStart, leftover: pending.length },
    );
  }
  return { rows, bytes: total };
}

function badRow(
  cause: BacpacError,
  options: BcpScanOptions,
  rows: number,
  offset: number,
  largestRow: number,
): BacpacError {
  const { part, table, size } = options;
  const remaining = size === undefined ? undefined : size - offset;
  const details = { part, table, rows, offset, cause: cause.message };
  if (remaining !== undefined && rows > 0 && remaining <= largestRow) {
    return readerError(
      ReaderErrorCode.BcpTrailingBytes,
      `part ${part} (${table}): ${rows} rows decode cleanly up to byte ${offset} of ${size}; the ` +
        `${remaining} bytes after them are not a row (${cause.message})`,
      details,
    );
  }
  return readerError(
    ReaderErrorCode.BcpInvalid,
    `part ${part} (${table}): row ${rows + 1}, starting at byte ${offset}, cannot be decoded (${cause.message})`,
    details,
  );
}
