import type { PartSpec, PlanOptions, SourceTable } from '../types';
import type { SqlPool } from './connection/connector';
import { histogramToRanges, partsWanted } from './planning/histogram-ranges';
import { canSplitOn, histogramKeyTextExpression, keyLiteral } from './planning/key-literal';
import { histogramSql, keyColumnType, ORDER_KEY_SQL, readOrderKeyColumn } from './planning/key-info';
import type { MssqlKeyRange } from './planning/key-range';
import { quoteTwoPart } from './quote';
import { runQuery } from './run-query';

/** The one part of a table that is not split. */
export function wholeTable(table: SourceTable): PartSpec[] {
  return [{ schema: table.schema, table: table.name, segment: 0, estimatedRows: table.estimatedRows }];
}

/** How many parts a table wants; more than one means a pool is needed to plan its key ranges. */
export function wantedParts(table: SourceTable, plan: PlanOptions): number {
  return partsWanted(BigInt(table.estimatedRows), plan.splitRowThreshold, plan.maxPartsPerTable ?? 64);
}

/**
 * Splits a table into key ranges of its leading clustered key column from the statistics
 * histogram; one part when the table has no usable clustered key or histogram.
 */
export async function planKeyRanges(pool: SqlPool, table: SourceTable, parts: number): Promise<PartSpec[]> {
  const qualified = quoteTwoPart(table.schema, table.name);
  const key = await runQuery(pool, ORDER_KEY_SQL, readOrderKeyColumn, `reading the key of ${qualified}`, {
    table: qualified,
  });
  const leading = key[0];
  if (
    leading === undefined ||
    leading.indexType !== 1 ||
    leading.isDescending ||
    !canSplitOn(leading.typeName.toLowerCase())
  )
    return wholeTable(table);
  const keyType = keyColumnType(leading);
  const steps = await runQuery(
    pool,
    histogramSql(histogramKeyTextExpression(keyType, 'h.range_high_key')),
    (r) => ({
      upper: typeof r.upperText === 'string' ? keyLiteral(keyType, r.upperText) : null,
      rangeRows: Number(r.rangeRows),
      equalRows: Number(r.equalRows),
    }),
    `reading the statistics histogram of ${qualified}`,
    { table: qualified, statsId: leading.indexId },
  );
  const ranges = histogramToRanges(steps, parts);
  if (ranges.length <= 1) return wholeTable(table);
  return ranges.map((r, segment): PartSpec => {
    const range: MssqlKeyRange = {
      kind: 'keyRange',
      column: leading.columnName,
      includeNulls: r.includeNulls,
      ...(r.lower !== undefined ? { lower: r.lower } : {}),
      ...(r.upper !== undefined ? { upper: r.upper } : {}),
    };
    return {
      schema: table.schema,
      table: table.name,
      segment,
      estimatedRows: String(r.estimatedRows),
      range,
    };
  });
}
