import type { PlanTableSummary } from './contracts';
import { codedMessageOf } from './coded-error';
import type { ExportErrorInfo } from './export-status';
import type { PartFailure } from './parts-window';
import { tableOfPart } from './plan-lookup';

/** The error a part that failed for good reports: its activity's code and message, its table and index. */
export function partFailureInfo(
  failure: PartFailure,
  tables: readonly PlanTableSummary[] | undefined,
): ExportErrorInfo {
  const { code, message } = codedMessageOf(failure.error, 'EXPORT_PART_FAILED');
  const table = tableOfPart(tables, failure.partIndex);
  return { code, message, part: failure.partIndex, ...(table === undefined ? {} : { table }) };
}
