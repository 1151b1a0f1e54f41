import { quoteName } from '../quote';

/**
 * The JSON-serialisable `range` of a PartSpec that covers a key range of a table's leading
 * clustered-key column. Bounds are exact T-SQL literals of the key's type (built by `keyLiteral`),
 * so the predicate needs no parameters and survives orchestration state unchanged.
 */
export interface MssqlKeyRange {
  readonly kind: 'keyRange';
  readonly column: string;
  /** Exclusive lower bound; absent for the first range. */
  readonly lower?: string;
  /** Inclusive upper bound; absent for the last range. */
  readonly upper?: string;
  /** True for the first range: NULL keys sort first and belong there. */
  readonly includeNulls: boolean;
}

export function isMssqlKeyRange(value: unknown): value is MssqlKeyRange {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.kind === 'keyRange' &&
    typeof v.column === 'string' &&
    typeof v.includeNulls === 'boolean' &&
    (v.lower === undefined || typeof v.lower === 'string') &&
    (v.upper === undefined || typeof v.upper === 'string')
  );
}

/** `WHERE` text for a key range (without the keyword); undefined when it covers every row. */
export function rangePredicate(range: MssqlKeyRange): string | undefined {
  const c = quoteName(range.column);
  const bounds: string[] = [];
  if (range.lower !== undefined) bounds.push(`${c} > ${range.lower}`);
  if (range.upper !== undefined) bounds.push(`${c} <= ${range.upper}`);
  if (bounds.length === 0) return range.includeNulls ? undefined : `${c} IS NOT NULL`;
  const conjunction = bounds.join(' AND ');
  return range.includeNulls ? `(${c} IS NULL OR ${conjunction})` : conjunction;
}
