/**
 * One step of a statistics histogram (sys.dm_db_stats_histogram): the rows equal to its upper key
 * and the rows strictly between the previous step's key and it. `upper` is the key as exact
 * T-SQL literal text, or null for the step that counts NULL keys (always the first step).
 */
export interface HistogramStep {
  readonly upper: string | null;
  readonly rangeRows: number;
  readonly equalRows: number;
}

/**
 * A key range of the leading key column: `key > lower AND key <= upper`; no lower bound for the
 * first range (which also holds NULL keys), no upper bound for the last.
 */
export interface KeyRangeBounds {
  readonly lower?: string;
  readonly upper?: string;
  readonly includeNulls: boolean;
  readonly estimatedRows: number;
}

/**
 * Cuts a histogram into at most `parts` ranges of roughly equal rows. Cuts fall on step upper
 * keys, so each range's rows are the steps it covers; a step heavier than the target stays whole.
 * Ranges come out in ascending key order. Rows the statistics do not know about (inserted since
 * they were computed) still land in a range: the first is open below and the last open above.
 */
export function histogramToRanges(steps: readonly HistogramStep[], parts: number): KeyRangeBounds[] {
  const keyed = steps.filter((s) => s.upper !== null);
  const nullRows = steps
    .filter((s) => s.upper === null)
    .reduce((sum, s) => sum + s.rangeRows + s.equalRows, 0);
  const total = steps.reduce((sum, s) => sum + s.rangeRows + s.equalRows, 0);
  const wanted = Math.max(1, Math.min(Math.floor(parts), keyed.length));
  if (wanted <= 1 || total <= 0) {
    return [{ includeNulls: true, estimatedRows: Math.round(total) }];
  }
  const target = total / wanted;
  const ranges: KeyRangeBounds[] = [];
  let lower: string | undefined;
  let inRange = nullRows;
  let cumulative = nullRows;
  for (let i = 0; i < keyed.length; i++) {
    const step = keyed[i] as HistogramStep;
    const rows = step.rangeRows + step.equalRows;
    inRange += rows;
    cumulative += rows;
    const isLastStep = i === keyed.length - 1;
    const cutsLeft = wanted - 1 - ranges.length;
    if (!isLastStep && cutsLeft > 0 && cumulative >= target * (ranges.length + 1)) {
      ranges.push({
        ...(lower !== undefined ? { lower } : {}),
        upper: step.upper as string,
        includeNulls: ranges.length === 0,
        estimatedRows: Math.round(inRange),
      });
      lower = step.upper as string;
      inRange = 0;
    }
  }
  ranges.push({
    ...(lower !== undefined ? { lower } : {}),
    includeNulls: ranges.length === 0,
    estimatedRows: Math.round(inRange),
  });
  return ranges;
}

/** How many parts a table of `estimatedRows` rows is split into. */
export function partsWanted(estimatedRows: bigint, splitRowThreshold: number, maxParts: number): number {
  if (splitRowThreshold <= 0 || estimatedRows <= BigInt(splitRowThreshold)) return 1;
  const threshold = BigInt(Math.floor(splitRowThreshold));
  const needed = (estimatedRows + threshold - 1n) / threshold;
  return Number(needed > BigInt(maxParts) ? BigInt(maxParts) : needed);
}
