import type { DurableOrchestrationContext, Task } from 'durable-functions';
import type { Compression } from '../api/export-request';
import { ActivityNames, type ExportPartInput, type PartManifest } from './contracts';
import type { RetryPolicy } from './orchestration-input';
import { toRetryOptions } from './retry-options';
import { startTasks, whenAnyScheduled } from './scheduling';

/** A contiguous range of parts to export with at most `maxParallelism` in flight. */
export interface PartsWindowJob {
  readonly runId: string;
  readonly planBlob: string;
  readonly compression: Compression;
  readonly maxParallelism: number;
  readonly partRetry: RetryPolicy;
  readonly firstPart: number;
  readonly partCount: number;
}

export interface PartFailure {
  readonly partIndex: number;
  readonly error: unknown;
}

/**
 * Exports parts firstPart..firstPart+partCount-1: starts up to maxParallelism exportPart activities
 * (each with retry and backoff, so a failed part retries alone), and starts the next part whenever one
 * completes. After the first part that fails for good no new part starts; the parts in flight are
 * awaited (so none writes to staging after cleanup) and the failure is returned.
 */
export function* runPartsWindow(
  df: DurableOrchestrationContext,
  job: PartsWindowJob,
  onPartDone: (manifest: PartManifest) => void,
): Generator<Task, PartFailure | undefined, unknown> {
  const retry = toRetryOptions(job.partRetry);
  const limit = Math.max(1, Math.floor(job.maxParallelism));
  const end = job.firstPart + job.partCount;
  const inFlight = new Map<Task, number>();
  let next = job.firstPart;
  let failure: PartFailure | undefined;

  const settle = (task: Task): void => {
    const partIndex = inFlight.get(task);
    if (partIndex === undefined) return;
    inFlight.delete(task);
    if (task.isFaulted) failure ??= { partIndex, error: task.result };
    else onPartDone(task.result as PartManifest);
  };

  while (inFlight.size > 0 || (failure === undefined && next < end)) {
    const started: Task[] = [];
    while (failure === undefined && next < end && inFlight.size < limit) {
      const input: ExportPartInput = {
        runId: job.runId,
        planBlob: job.planBlob,
        partIndex: next,
        compression: job.compression,
      };
      const task = df.callActivityWithRetry(ActivityNames.exportPart, retry, input);
      inFlight.set(task, next);
      started.push(task);
      next += 1;
    }
    if (started.length > 0) {
      const first = (yield startTasks(df, started)) as Task;
      settle(first);
    } else {
      settle((yield whenAnyScheduled(df, [...inFlight.keys()])) as Task);
    }
    // A part may complete while the orchestrator waits on a later step; count it now.
    for (const task of [...inFlight.keys()]) if (task.isCompleted || task.isFaulted) settle(task);
  }
  return failure;
}
