import type { OrchestrationContext, Task } from 'durable-functions';
import { ActivityNames, type CleanupInput, type CleanupResult } from './contracts';
import type { CancelCleanupInput } from './orchestration-input';
import { toRetryOptions } from './retry-options';

/**
 * After a cancel: terminate does not stop activities already running, and one may still write a part
 * after the cancel handler deleted the staging blobs. This waits out a grace period (a durable timer),
 * then deletes the run's staging prefix again, drops the uncommitted blocks the run's parts wrote into
 * the target (when it names one), and drops the run's database copy when it has one
 * (`consistency: "copy"`; dropping a copy that was never made, or is gone, is success).
 */
export function* cleanupCancelledRunOrchestrator(
  context: OrchestrationContext,
): Generator<Task, CleanupResult, unknown> {
  const df = context.df;
  const input = df.getInput<CancelCleanupInput>();
  const fireAt = new Date(df.currentUtcDateTime.getTime() + input.graceSeconds * 1000);
  yield df.createTimer(fireAt);
  const cleanupInput: CleanupInput = {
    runId: input.runId,
    ...(input.target === undefined ? {} : { target: input.target }),
  };
  const retry = toRetryOptions({
    firstIntervalMs: 10_000,
    maxAttempts: 5,
    backoffCoefficient: 2,
    maxIntervalMs: 300_000,
  });
  const result = (yield df.callActivityWithRetry(
    ActivityNames.cleanupStaging,
    retry,
    cleanupInput,
  )) as CleanupResult;
  if (input.copy !== undefined) {
    yield df.callActivityWithRetry(ActivityNames.dropDatabaseCopy, retry, input.copy);
  }
  return result;
}
