import type { ExportRequest, ExportTargetSpec } from '../api/export-request';
import type { CopyWaitSettings, DatabaseCopyRef } from './copy-contracts';

/** Retry with exponential backoff, as durable RetryOptions take it. */
export interface RetryPolicy {
  readonly firstIntervalMs: number;
  readonly maxAttempts: number;
  readonly backoffCoefficient: number;
  readonly maxIntervalMs: number;
}

export interface PipelineSettings {
  /** Retry of one data part; a failed part retries alone. */
  readonly partRetry: RetryPolicy;
  /** Retry of plan, assemble and cleanup. */
  readonly stepRetry: RetryPolicy;
  /** Runs with more parts than this export them in batch sub-orchestrations of this many parts. */
  readonly partsPerBatch: number;
  /** How long and how often to wait for a database copy (`consistency: "copy"`); DEFAULT_COPY_WAIT when absent. */
  readonly copyWait?: CopyWaitSettings;
}

/** Input of the exportBacpac orchestration. */
export interface ExportOrchestrationInput {
  /** Unique per run (never reused, unlike instance ids): the staging prefix `<runId>/`. */
  readonly runId: string;
  readonly request: ExportRequest;
  readonly settings: PipelineSettings;
}

/** Input of the cleanupCancelledRun orchestration. */
export interface CancelCleanupInput {
  readonly runId: string;
  /** Seconds to wait before deleting, so activities still running after terminate have stopped. */
  readonly graceSeconds: number;
  /** The run's target, whose uncommitted blocks written by the run's parts are dropped too. */
  readonly target?: ExportTargetSpec;
  /** The run's database copy (`consistency: "copy"`), dropped after the grace period too. */
  readonly copy?: DatabaseCopyRef;
}

export const DEFAULT_PARTS_PER_BATCH = 250;
export const DEFAULT_CANCEL_GRACE_SECONDS = 300;

export function pipelineSettings(
  partAttempts: number,
  partsPerBatch = DEFAULT_PARTS_PER_BATCH,
): PipelineSettings {
  return {
    partRetry: {
      firstIntervalMs: 5_000,
      maxAttempts: partAttempts,
      backoffCoefficient: 2,
      maxIntervalMs: 120_000,
    },
    stepRetry: { firstIntervalMs: 5_000, maxAttempts: 3, backoffCoefficient: 2, maxIntervalMs: 60_000 },
    partsPerBatch,
  };
}
