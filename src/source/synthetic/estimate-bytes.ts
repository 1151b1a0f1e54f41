import { ByteWriter, encodeRow } from '../../bacpac/bcp';
import type { BcpColumn } from '../../bacpac/bcp/types';
import type { SyntheticTable } from './synthetic-table';

/** Tables up to this many rows are measured exactly; larger ones from a sample. */
const EXACT_LIMIT = 2048;
const SAMPLE_ROWS = 512;
/** Rows at the start that are measured exactly in a sampled table (fixed rows can be large). */
const HEAD_ROWS = 16;

/**
 * The size of a table's BCP data in bytes: exact for small tables (every row encoded), otherwise
 * the first rows exactly plus the mean of an evenly spaced sample times the remaining rows.
 */
export function estimateTableBytes(table: SyntheticTable, columns: readonly BcpColumn[]): bigint {
  if (table.dataBytes !== undefined) return table.dataBytes;
  const out = new ByteWriter(64 * 1024);
  const measure = (index: number): number => {
    out.pos = 0;
    encodeRow(columns, table.rowAt(index), out, { table: table.qualifiedName, row: index + 1 });
    return out.pos;
  };
  const rows = table.rowCount;
  if (rows <= EXACT_LIMIT) {
    let total = 0;
    for (let i = 0; i < rows; i++) total += measure(i);
    return BigInt(total);
  }
  let head = 0;
  for (let i = 0; i < HEAD_ROWS; i++) head += measure(i);
  const rest = rows - HEAD_ROWS;
  let sampled = 0;
  for (let k = 0; k < SAMPLE_ROWS; k++) sampled += measure(HEAD_ROWS + Math.floor((k * rest) / SAMPLE_ROWS));
  return BigInt(head) + BigInt(Math.round((sampled / SAMPLE_ROWS) * rest));
}
