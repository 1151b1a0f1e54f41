import type { DurableOrchestrationContext, RetryOptions, Task } from 'durable-functions';
import type { ExportRequest } from '../api/export-request';
import { BacpacError } from '../bacpac/errors';
import { codedMessageOf } from './coded-error';
import { ActivityNames } from './contracts';
import {
  copyPollDelaySeconds,
  type CopyWaitSettings,
  type DatabaseCopyRef,
  type DatabaseCopyStatus,
  type StartDatabaseCopyResult,
} from './copy-contracts';
import type { StatusReporter } from './status-reporter';

/**
 * The orchestration steps of `consistency: "copy"`: start an Azure SQL Database copy, wait for it on
 * durable timers (polls 30 s apart at first, growing to 2 min, by default), and drop it at the end.
 * The copy's name is in the custom status from before it is started, so a cancel finds it.
 */

/** The request the plan and the parts read: the source's database replaced by the copy. */
export function requestOnCopy(request: ExportRequest, copyDatabase: string): ExportRequest {
  return { ...request, source: { ...request.source, database: copyDatabase } };
}

/** The code startDatabaseCopy fails with, before anything is created, off Azure SQL Database. */
export const COPY_REFUSED_CODE = 'CONSISTENCY_UNSUPPORTED';

export function* startAndAwaitCopy(
  df: DurableOrchestrationContext,
  runId: string,
  copy: DatabaseCopyRef,
  wait: CopyWaitSettings,
  retry: RetryOptions,
  status: StatusReporter,
): Generator<Task, StartDatabaseCopyResult, unknown> {
  const where = `copy [${copy.copyDatabase}] of ${copy.source.server}/${copy.source.database}`;
  status.setConsistency({
    mode: 'copy',
    consistent: false,
    copyDatabase: copy.copyDatabase,
    copyState: 'starting',
  });
  const started = (yield df.callActivityWithRetry(ActivityNames.startDatabaseCopy, retry, {
    runId,
    source: copy.source,
  })) as StartDatabaseCopyResult;
  status.setConsistency({
    mode: 'copy',
    consistent: false,
    copyDatabase: copy.copyDatabase,
    copyState: 'copying',
  });

  const deadline = df.currentUtcDateTime.getTime() + wait.maxWaitSeconds * 1000;
  let last: DatabaseCopyStatus = { state: 'copying' };
  for (let poll = 0; ; poll += 1) {
    const now = df.currentUtcDateTime.getTime();
    if (now >= deadline) {
      const percent = last.percent === undefined ? '' : `, ${last.percent}%`;
      throw new BacpacError(
        'COPY_TIMEOUT',
        `${where} was not online after ${wait.maxWaitSeconds} s (last state: ${last.state}${percent})`,
      );
    }
    const delayMs = Math.min(copyPollDelaySeconds(poll, wait) * 1000, deadline - now);
    yield df.createTimer(new Date(now + delayMs));
    last = (yield df.callActivityWithRetry(
      ActivityNames.databaseCopyStatus,
      retry,
      copy,
    )) as DatabaseCopyStatus;
    if (last.state === 'online') break;
    if (last.state === 'failed') {
      throw new BacpacError('COPY_FAILED', `${where} failed: ${last.message ?? 'no reason given'}`);
    }
    status.setConsistency({
      mode: 'copy',
      consistent: false,
      copyDatabase: copy.copyDatabase,
      copyState: 'copying',
      ...(last.percent === undefined ? {} : { copyPercent: last.percent }),
    });
  }
  status.setConsistency({
    mode: 'copy',
    consistent: true,
    copyDatabase: copy.copyDatabase,
    copyState: 'online',
  });
  return started;
}

/**
 * Drops the copy. A failure does not change the export's outcome (the BACPAC is committed, or the
 * export failed for its own reason); it shows in the status as `drop-failed` with the reason.
 */
export function* dropCopy(
  df: DurableOrchestrationContext,
  copy: DatabaseCopyRef,
  retry: RetryOptions,
  status: StatusReporter,
  warn: (message: string) => void,
): Generator<Task, void, unknown> {
  const consistency = status.currentConsistency ?? { mode: 'copy' as const, consistent: false };
  try {
    yield df.callActivityWithRetry(ActivityNames.dropDatabaseCopy, retry, copy);
    status.setConsistency({ ...consistency, copyDatabase: copy.copyDatabase, copyState: 'dropped' });
  } catch (error) {
    const { code, message } = codedMessageOf(error, 'COPY_DROP_FAILED');
    const text = `[${code}] ${message}`;
    status.setConsistency({
      ...consistency,
      copyDatabase: copy.copyDatabase,
      copyState: 'drop-failed',
      copyDropError: text,
    });
    if (!df.isReplaying) warn(`Dropping database copy [${copy.copyDatabase}] failed: ${text}`);
  }
}
