import type { BcpRow } from '../../bacpac/bcp/types';
import type { ColumnShape } from './model-parts';

/**
 * One table of a synthetic database: its columns as the model declares them, its row count, and
 * its rows as a pure function of the row index, so any contiguous range can be generated on its
 * own. Identity values are the row index plus one, so they ascend across parts.
 */
export interface SyntheticTable {
  readonly schema: string;
  readonly name: string;
  /** `[schema].[name]`. */
  readonly qualifiedName: string;
  /** Every column in table order, computed ones included. */
  readonly columns: readonly ColumnShape[];
  readonly rowCount: number;
  /** The exact size of the table's BCP data, when the table knows it without encoding its rows. */
  readonly dataBytes?: bigint;
  /** Row `index` (0-based), values in the order of the non-computed columns. */
  rowAt(index: number): BcpRow;
}

/** `[schema].[name]` of a table. */
export function qualified(schema: string, name: string): string {
  return `[${schema}].[${name}]`;
}

/** Row count of a table at a scale: at least `minimum` rows so the fixed rows always exist. */
export function scaledRows(base: number, scale: number, minimum = 1): number {
  return Math.max(minimum, Math.round(base * scale));
}
