import type { DurableOrchestrationContext, OrchestrationContext, Task } from 'durable-functions';
import { BacpacError } from '../bacpac/errors';
import {
  ActivityNames,
  type AssembleInput,
  type AssembleResult,
  type CleanupInput,
  type PlanExportInput,
  type PlanSummary,
} from './contracts';
import { errorText, failureBody, parseFailure } from './coded-error';
import { DEFAULT_COPY_WAIT, type DatabaseCopyRef } from './copy-contracts';
import { copyDatabaseName } from '../source/copy-database-name';
import { COPY_REFUSED_CODE, dropCopy, requestOnCopy, startAndAwaitCopy } from './copy-steps';
import { targetKey, type ExportErrorInfo, type ExportResult } from './export-status';
import { OrchestratorNames } from './names';
import type { ExportOrchestrationInput } from './orchestration-input';
import { partFailureInfo } from './part-failure';
import type { PartsBatchInput } from './parts-batch-orchestrator';
import { runPartsWindow } from './parts-window';
import { tablesInRange } from './plan-lookup';
import { addPart, initialProgress, type ProgressState } from './progress';
import { toRetryOptions } from './retry-options';
import { StatusReporter } from './status-reporter';

/**
 * The export pipeline: plan -> export every part (bounded fan-out, retry per part; batches of
 * sub-orchestrations for large plans) -> assemble and commit -> clean staging. Cleanup runs whatever
 * happened before it; a failure then fails the orchestration with `[CODE] <table> part <N>: message`.
 * With `consistency: "copy"` the run first makes an Azure SQL Database copy and waits until it is
 * online, plans and exports the copy (DacMetadata.xml keeps the original name), and drops the copy
 * after cleanup, whatever the outcome.
 */
export function* exportBacpacOrchestrator(
  context: OrchestrationContext,
): Generator<Task, ExportResult, unknown> {
  const df = context.df;
  const input = df.getInput<ExportOrchestrationInput>();
  const { runId, request, settings } = input;
  const stepRetry = toRetryOptions(settings.stepRetry);
  const status = new StatusReporter(df, runId, initialProgress(0, 0, '0'), targetKey(request.target));
  let failure: ExportErrorInfo | undefined;
  let result: ExportResult | undefined;
  const mode = request.options.consistency;
  status.setConsistency({ mode, consistent: false });
  const copy: DatabaseCopyRef | undefined =
    mode === 'copy'
      ? { source: request.source, copyDatabase: copyDatabaseName(request.source.database, runId) }
      : undefined;

  try {
    let planInput: PlanExportInput = { runId, request };
    if (copy !== undefined) {
      const wait = settings.copyWait ?? DEFAULT_COPY_WAIT;
      const started = yield* startAndAwaitCopy(df, runId, copy, wait, stepRetry, status);
      planInput = {
        runId,
        request: requestOnCopy(request, started.copyDatabase),
        databaseName: started.sourceDatabase,
      };
    }
    const plan = (yield df.callActivityWithRetry(
      ActivityNames.planExport,
      stepRetry,
      planInput,
    )) as PlanSummary;
    status.setProgress(initialProgress(plan.tablesTotal, plan.partsTotal, plan.rowsEstimated));
    status.setPhase('exporting', 'plannedAt');

    failure = yield* exportParts(df, input, plan, status);

    if (failure === undefined) {
      status.setPhase('assembling', 'exportedAt');
      const assembleInput: AssembleInput = {
        runId,
        planBlob: plan.planBlob,
        partsTotal: plan.partsTotal,
        target: request.target,
        overwrite: request.options.overwrite,
      };
      const assembled = (yield df.callActivityWithRetry(
        ActivityNames.assembleBacpac,
        stepRetry,
        assembleInput,
      )) as AssembleResult;
      result = { ...assembled, consistent: status.currentConsistency?.consistent ?? false };
      status.mark('assembledAt');
    }
  } catch (error) {
    failure = parseFailure(error, 'EXPORT_STEP_FAILED');
  }

  status.setPhase('cleaning-up');
  try {
    const cleanupInput: CleanupInput = { runId, target: request.target };
    yield df.callActivityWithRetry(ActivityNames.cleanupStaging, stepRetry, cleanupInput);
  } catch (error) {
    // A cleanup failure must not hide the export's own outcome; the blobs stay under <runId>/.
    if (!df.isReplaying) context.warn(`Staging cleanup of run ${runId} failed: ${errorText(error)}`);
  }
  // A copy refused before creation ([CONSISTENCY_UNSUPPORTED]) does not exist; any other may.
  if (copy !== undefined && failure?.code !== COPY_REFUSED_CODE) {
    yield* dropCopy(df, copy, stepRetry, status, (message) => context.warn(message));
  }

  if (failure !== undefined || result === undefined) {
    const info = failure ?? { code: 'EXPORT_NO_RESULT', message: 'the pipeline ended without a result' };
    status.setError(info);
    status.mark('finishedAt');
    throw new BacpacError(info.code, failureBody(info), { ...info });
  }
  status.setPhase('done', 'finishedAt');
  return result;
}

function* exportParts(
  df: DurableOrchestrationContext,
  input: ExportOrchestrationInput,
  plan: PlanSummary,
  status: StatusReporter,
): Generator<Task, ExportErrorInfo | undefined, unknown> {
  const { runId, request, settings } = input;
  const common = {
    runId,
    planBlob: plan.planBlob,
    compression: request.options.compression,
    maxParallelism: request.options.maxParallelism,
    partRetry: settings.partRetry,
  };

  if (plan.partsTotal <= settings.partsPerBatch) {
    const failed = yield* runPartsWindow(
      df,
      { ...common, firstPart: 0, partCount: plan.partsTotal },
      (manifest) => status.setProgress(addPart(status.currentProgress, manifest)),
    );
    return failed === undefined ? undefined : partFailureInfo(failed, plan.tables);
  }

  const count = Math.ceil(plan.partsTotal / settings.partsPerBatch);
  for (let index = 0; index < count; index += 1) {
    const firstPart = index * settings.partsPerBatch;
    const partCount = Math.min(settings.partsPerBatch, plan.partsTotal - firstPart);
    const tables = tablesInRange(plan.tables, firstPart, partCount);
    const batchInput: PartsBatchInput = {
      ...common,
      firstPart,
      partCount,
      progress: status.currentProgress,
      ...(tables === undefined ? {} : { tables }),
    };
    const instanceId = df.newGuid(df.instanceId);
    status.setBatch({ instanceId, index, count });
    try {
      const progress = (yield df.callSubOrchestrator(
        OrchestratorNames.exportPartsBatch,
        batchInput,
        instanceId,
      )) as ProgressState;
      status.setProgress(progress);
    } catch (error) {
      status.setBatch(undefined);
      return parseFailure(error, 'EXPORT_PART_FAILED');
    }
  }
  status.setBatch(undefined);
  return undefined;
}
