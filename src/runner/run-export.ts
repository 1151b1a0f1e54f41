import { errorCodeOf } from '../bacpac/errors';
import type { ExportRequest } from '../api/export-request';
import { createActivities, type ExportEnvironment } from '../activities';
import type { AssembleResult, PartManifest, PlanSummary } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import { forEachBounded, withRetry } from './bounded-parallel';

export interface LocalProgress {
  readonly phase: 'planning' | 'exporting' | 'assembling' | 'cleaning-up' | 'done';
  readonly partsTotal: number;
  readonly partsDone: number;
  readonly rowsExported: bigint;
  readonly rowsEstimated: bigint;
  readonly bytesWritten: number;
}

export interface LocalRunOptions {
  /** Letters, digits and hyphens; names the run's staging files. */
  readonly runId: string;
  /** Attempts per part (default 3); a failed part is retried alone. */
  readonly partRetryAttempts?: number;
  readonly retryDelayMs?: (failedAttempts: number) => number;
  readonly onProgress?: (progress: LocalProgress) => void;
  /** Aborting cancels the run: parts stop at their next chunk and nothing is committed. */
  readonly signal?: AbortSignal;
}

export interface LocalRunResult extends AssembleResult {
  readonly plan: PlanSummary;
  readonly manifests: readonly PartManifest[];
}

/** Codes that retrying cannot fix. */
const FINAL_CODES = new Set(['EXPORT_CANCELLED', 'PLAN_INVALID', 'TARGET_EXISTS']);

/**
 * Runs an export in this process: the same activities the durable orchestrator schedules, sequenced
 * here with bounded parallelism, per-part retries and cleanup whatever happens. This is what the
 * command-line `export` and `repack` and the demo run; the Functions app runs the same steps durably.
 */
export async function runExportLocally(
  request: ExportRequest,
  env: ExportEnvironment,
  options: LocalRunOptions,
): Promise<LocalRunResult> {
  const activities = createActivities(env);
  const { runId } = options;
  const attempts = options.partRetryAttempts ?? 3;
  const delay = options.retryDelayMs ?? ((n: number) => Math.min(30_000, 500 * 2 ** (n - 1)));
  const progress = {
    phase: 'planning' as LocalProgress['phase'],
    partsTotal: 0,
    partsDone: 0,
    rowsExported: 0n,
    rowsEstimated: 0n,
    bytesWritten: 0,
  };
  const report = (): void => options.onProgress?.({ ...progress });
  let markerWritten: Promise<void> | undefined;
  const onAbort = (): void => {
    markerWritten = env.staging
      .writeJson(StagingLayout.cancelMarker(runId), { cancelledAt: new Date().toISOString() })
      .catch(() => undefined);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  try {
    report();
    const plan = await activities.planExport({ runId, request });
    progress.partsTotal = plan.partsTotal;
    progress.rowsEstimated = BigInt(plan.rowsEstimated);
    progress.phase = 'exporting';
    report();

    const manifests: PartManifest[] = new Array<PartManifest>(plan.partsTotal);
    await forEachBounded(plan.partsTotal, request.options.maxParallelism, async (partIndex) => {
      const manifest = await withRetry(
        attempts,
        delay,
        () =>
          activities.exportPart({
            runId,
            planBlob: plan.planBlob,
            partIndex,
            compression: request.options.compression,
          }),
        (error) => !FINAL_CODES.has(errorCodeOf(error instanceof Error ? error.message : '') ?? ''),
      );
      manifests[partIndex] = manifest;
      progress.partsDone += 1;
      progress.rowsExported += BigInt(manifest.rows);
      progress.bytesWritten += manifest.compressedSize;
      report();
    });

    progress.phase = 'assembling';
    report();
    const result = await activities.assembleBacpac({
      runId,
      planBlob: plan.planBlob,
      partsTotal: plan.partsTotal,
      target: request.target,
      overwrite: request.options.overwrite,
    });
    return { ...result, plan, manifests };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await markerWritten;
    progress.phase = 'cleaning-up';
    report();
    await activities.cleanupStaging({ runId });
    progress.phase = 'done';
    report();
  }
}
