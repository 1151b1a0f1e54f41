import type { OrchestrationContext, Task } from 'durable-functions';
import { BacpacError } from '../bacpac/errors';
import {
  codedMessageOf,
  errorText,
  failureBody,
  formatFailure,
  parseFailure,
} from '../orchestration/coded-error';
import type { ExportResult } from '../orchestration/export-status';
import { OrchestratorNames } from '../orchestration/names';
import { toRetryOptions } from '../orchestration/retry-options';
import type { ApplyRetentionInput, RetentionOutcome } from './apply-retention';
import type { ArchiveRunRecord } from './archive-history';
import type { ArchiveOrchestrationInput } from './archive-run-input';
import { exportInstanceId } from './archive-slot';
import { ArchivalNames } from './archival-names';

/**
 * One archive run (instance id `archive-<job>-<slot>`): the export pipeline as a sub-orchestration,
 * then, only when it succeeded, retention over the job's archives (never deleting the one just written),
 * then the run's history record. A failed export is recorded and fails the run with the export's
 * `[CODE] message`; a failed retention or history write is reported but does not undo the archive.
 */
export function* archiveBacpacOrchestrator(
  context: OrchestrationContext,
): Generator<Task, ArchiveRunRecord, unknown> {
  const df = context.df;
  const input = df.getInput<ArchiveOrchestrationInput>();
  const retry = toRetryOptions(input.export.settings.stepRetry);
  const blob = input.export.request.target.blobName;
  const base: ArchiveRunRecord = {
    job: input.job,
    slot: input.slot,
    instanceId: df.instanceId,
    scheduledTime: input.scheduledTime,
    startedAt: input.startedAt,
    outcome: 'started',
    blob,
  };
  const warn = (message: string): void => {
    if (!df.isReplaying) context.warn(`archive job ${input.job} slot ${input.slot}: ${message}`);
  };

  function* record(entry: ArchiveRunRecord): Generator<Task, void, unknown> {
    try {
      yield df.callActivityWithRetry(ArchivalNames.recordArchiveRun, retry, entry);
    } catch (error) {
      warn(`history record not written: ${errorText(error)}`);
    }
  }

  let result: ExportResult;
  try {
    result = (yield df.callSubOrchestrator(
      OrchestratorNames.exportBacpac,
      input.export,
      exportInstanceId(df.instanceId),
    )) as ExportResult;
  } catch (error) {
    const info = parseFailure(error, 'EXPORT_FAILED');
    const failed: ArchiveRunRecord = {
      ...base,
      outcome: 'failed',
      finishedAt: df.currentUtcDateTime.toISOString(),
      error: formatFailure(info),
    };
    yield* record(failed);
    throw new BacpacError(info.code, failureBody(info), { ...info });
  }

  let retention: RetentionOutcome | undefined;
  let retentionError: string | undefined;
  try {
    const retentionInput: ApplyRetentionInput = {
      ...input.retention,
      now: df.currentUtcDateTime.toISOString(),
      protect: blob,
    };
    retention = (yield df.callActivityWithRetry(
      ArchivalNames.applyArchiveRetention,
      retry,
      retentionInput,
    )) as RetentionOutcome;
  } catch (error) {
    const { code, message } = codedMessageOf(error, 'ARCHIVE_RETENTION_FAILED');
    retentionError = `[${code}] ${message}`;
    warn(`retention failed: ${retentionError}`);
  }

  const succeeded: ArchiveRunRecord = {
    ...base,
    outcome: 'succeeded',
    finishedAt: df.currentUtcDateTime.toISOString(),
    blobUrl: result.blobUrl,
    sizeBytes: result.sizeBytes,
    rows: result.rows,
    deletions: retention?.deleted ?? [],
    ...(retentionError === undefined ? {} : { retentionError }),
  };
  yield* record(succeeded);
  return succeeded;
}
