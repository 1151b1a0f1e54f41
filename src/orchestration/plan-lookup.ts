import type { PlanTableSummary } from './contracts';

/** The `schema.table` a part belongs to, when the plan summary lists tables (parts are grouped by table). */
export function tableOfPart(
  tables: readonly PlanTableSummary[] | undefined,
  partIndex: number,
): string | undefined {
  if (tables === undefined) return undefined;
  let low = 0;
  let high = tables.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const table = tables[middle]!;
    if (partIndex < table.firstPart) high = middle - 1;
    else if (partIndex >= table.firstPart + table.partCount) low = middle + 1;
    else return table.name;
  }
  return undefined;
}

/** The tables whose parts overlap firstPart..firstPart+partCount-1. */
export function tablesInRange(
  tables: readonly PlanTableSummary[] | undefined,
  firstPart: number,
  partCount: number,
): PlanTableSummary[] | undefined {
  if (tables === undefined) return undefined;
  const end = firstPart + partCount;
  return tables.filter((t) => t.firstPart < end && t.firstPart + t.partCount > firstPart);
}
