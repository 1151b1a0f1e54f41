import type { PartSpec, PlanOptions } from '../types';
import { SyntheticSourceError } from './errors';

/** The row range of a part of a synthetic table: rows `from` (inclusive) to `to` (exclusive). */
export interface RowRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits a table of `rowCount` rows into contiguous row ranges: one part (segment 0, no range) when
 * it has no more than `splitRowThreshold` rows, otherwise ceil(rows / threshold) parts (at most
 * `maxPartsPerTable`) of nearly equal size, segments 0..n-1 in row order.
 */
export function planRowParts(
  schema: string,
  table: string,
  rowCount: number,
  options: PlanOptions,
): PartSpec[] {
  const threshold = options.splitRowThreshold;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new SyntheticSourceError(
      'SYNTHETIC_OPTIONS',
      `[${schema}].[${table}]: splitRowThreshold must be a positive integer, found ${String(threshold)}`,
    );
  }
  const max = options.maxPartsPerTable ?? Number.POSITIVE_INFINITY;
  if (rowCount <= threshold || max <= 1) {
    return [{ schema, table, segment: 0, estimatedRows: String(rowCount) }];
  }
  const count = Math.min(Math.ceil(rowCount / threshold), Math.floor(max));
  const parts: PartSpec[] = [];
  for (let segment = 0; segment < count; segment++) {
    const range: RowRange = {
      from: Math.floor((segment * rowCount) / count),
      to: Math.floor(((segment + 1) * rowCount) / count),
    };
    parts.push({ schema, table, segment, estimatedRows: String(range.to - range.from), range });
  }
  return parts;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The rows a part covers: its range, checked against the table, or the whole table. */
export function rowRangeOf(part: PartSpec, rowCount: number): RowRange {
  if (part.range === undefined) return { from: 0, to: rowCount };
  const from = field(part.range, 'from');
  const to = field(part.range, 'to');
  if (
    typeof from !== 'number' ||
    typeof to !== 'number' ||
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from < 0 ||
    from > to ||
    to > rowCount
  ) {
    throw new SyntheticSourceError(
      'SYNTHETIC_BAD_RANGE',
      `[${part.schema}].[${part.table}] segment ${part.segment}: expected a row range inside 0..${rowCount}, found ${JSON.stringify(part.range)}`,
      { schema: part.schema, table: part.table, segment: part.segment },
    );
  }
  return { from, to };
}
