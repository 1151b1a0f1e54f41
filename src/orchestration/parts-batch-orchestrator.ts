import type { OrchestrationContext, Task } from 'durable-functions';
import { BacpacError } from '../bacpac/errors';
import type { Compression } from '../api/export-request';
import type { PlanTableSummary } from './contracts';
import { failureBody } from './coded-error';
import type { RetryPolicy } from './orchestration-input';
import { partFailureInfo } from './part-failure';
import { runPartsWindow } from './parts-window';
import { addPart, type ProgressState } from './progress';
import { StatusReporter } from './status-reporter';

/** Input of the exportPartsBatch sub-orchestration. */
export interface PartsBatchInput {
  readonly runId: string;
  readonly planBlob: string;
  readonly compression: Compression;
  readonly maxParallelism: number;
  readonly partRetry: RetryPolicy;
  readonly firstPart: number;
  readonly partCount: number;
  /** Progress of the whole export when this batch starts. */
  readonly progress: ProgressState;
  /** The plan's tables overlapping this batch, when the plan summary lists tables. */
  readonly tables?: readonly PlanTableSummary[];
}

/**
 * Exports one batch of parts with bounded parallelism and reports the whole export's progress in its
 * own custom status. Returns the progress after the batch; fails with `[CODE] <table> part <N>: ...`
 * once its parts in flight have settled.
 */
export function* exportPartsBatchOrchestrator(
  context: OrchestrationContext,
): Generator<Task, ProgressState, unknown> {
  const df = context.df;
  const input = df.getInput<PartsBatchInput>();
  const status = new StatusReporter(df, input.runId, input.progress);
  status.setPhase('exporting');
  const failure = yield* runPartsWindow(
    df,
    {
      runId: input.runId,
      planBlob: input.planBlob,
      compression: input.compression,
      maxParallelism: input.maxParallelism,
      partRetry: input.partRetry,
      firstPart: input.firstPart,
      partCount: input.partCount,
    },
    (manifest) => status.setProgress(addPart(status.currentProgress, manifest)),
  );
  if (failure !== undefined) {
    const info = partFailureInfo(failure, input.tables);
    status.setError(info);
    throw new BacpacError(info.code, failureBody(info), { ...info });
  }
  return status.currentProgress;
}
