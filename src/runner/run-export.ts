import { errorCodeOf } from '../bacpac/errors';
import type { ExportRequest } from '../api/export-request';
import { createActivities, type ExportEnvironment } from '../activities';
import type { AssembleResult, PartManifest, PlanExportInput, PlanSummary } from '../orchestration/contracts';
import type { DatabaseCopyRef } from '../orchestration/copy-contracts';
import { copyDatabaseName } from '../source/copy-database-name';
import { COPY_REFUSED_CODE, requestOnCopy } from '../orchestration/copy-steps';
import { StagingLayout } from '../orchestration/staging-layout';
import { forEachBounded, withRetry } from './bounded-parallel';
import { DEFAULT_LOCAL_COPY_WAIT, startAndAwaitCopyLocally, type LocalCopyWait } from './local-copy';

export interface LocalProgress {
  readonly phase: 'copying' | 'planning' | 'exporting' | 'assembling' | 'cleaning-up' | 'done';
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
  /** Waits between database-copy status checks (`consistency: "copy"`); DEFAULT_LOCAL_COPY_WAIT when absent. */
  readonly copyWait?: LocalCopyWait;
  /** Problems that do not fail the run, such as a database copy that could not be dropped. */
  readonly onWarning?: (message: string) => void;
}

export interface LocalRunResult extends AssembleResult {
  readonly plan: PlanSummary;
  readonly manifests: readonly PartManifest[];
  /** Whether the rows come from one transactionally consistent view (a database copy). */
  readonly consistent: boolean;
  /** The database copy the run read and then dropped (`consistency: "copy"`). */
  readonly copyDatabase?: string;
}

/** Codes that retrying cannot fix. */
const FINAL_CODES = new Set(['EXPORT_CANCELLED', 'PLAN_INVALID', 'TARGET_EXISTS']);

/**
 * Runs an export in this process: the same activities the durable orchestrator schedules, sequenced
 * here with bounded parallelism, per-part retries and cleanup whatever happens. This is what the
 * command-line `export` and `repack` and the demo run; the Functions app runs the same steps durably.
 * With `consistency: "copy"` it first makes the database copy and waits for it, exports the copy
 * under the original database name, and drops the copy at the end whatever happened.
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
  let copy: DatabaseCopyRef | undefined;

  try {
    let planInput: PlanExportInput = { runId, request };
    if (request.options.consistency === 'copy') {
      copy = { source: request.source, copyDatabase: copyDatabaseName(request.source.database, runId) };
      progress.phase = 'copying';
      report();
      try {
        const started = await startAndAwaitCopyLocally(
          activities,
          runId,
          copy,
          options.copyWait ?? DEFAULT_LOCAL_COPY_WAIT,
          options.signal ? { signal: options.signal } : {},
        );
        planInput = {
          runId,
          request: requestOnCopy(request, started.copyDatabase),
          databaseName: started.sourceDatabase,
        };
      } catch (error) {
        // Refused before anything was created: there is no copy to drop.
        if (errorCodeOf(error instanceof Error ? error.message : '') === COPY_REFUSED_CODE) copy = undefined;
        throw error;
      }
      progress.phase = 'planning';
    }
    report();
    const plan = await activities.planExport(planInput);
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
    return {
      ...result,
      plan,
      manifests,
      consistent: copy !== undefined,
      ...(copy === undefined ? {} : { copyDatabase: copy.copyDatabase }),
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await markerWritten;
    progress.phase = 'cleaning-up';
    report();
    await activities.cleanupStaging({ runId, target: request.target });
    if (copy !== undefined) {
      const dropped = copy.copyDatabase;
      await activities.dropDatabaseCopy(copy).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        options.onWarning?.(`database copy [${dropped}] was not dropped: ${text}`);
      });
    }
    progress.phase = 'done';
    report();
  }
}
