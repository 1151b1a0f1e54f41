import type { DurableOrchestrationContext } from 'durable-functions';
import type {
  ActiveBatch,
  ExportConsistency,
  ExportCustomStatus,
  ExportErrorInfo,
  ExportPhase,
  ExportTimings,
} from './export-status';
import { progressView, type ProgressState } from './progress';

/** Keeps an orchestration's custom status (phase, progress, timings) and publishes every change. */
export class StatusReporter {
  private phase: ExportPhase = 'planning';
  private progress: ProgressState;
  private timings: ExportTimings;
  private batch: ActiveBatch | undefined;
  private error: ExportErrorInfo | undefined;
  private consistency: ExportConsistency | undefined;

  constructor(
    private readonly df: DurableOrchestrationContext,
    private readonly runId: string,
    progress: ProgressState,
    private readonly target?: string,
  ) {
    this.progress = progress;
    this.timings = { startedAt: this.now() };
    this.publish();
  }

  now(): string {
    return this.df.currentUtcDateTime.toISOString();
  }

  get currentProgress(): ProgressState {
    return this.progress;
  }

  setPhase(phase: ExportPhase, timing?: keyof Omit<ExportTimings, 'startedAt'>): void {
    this.phase = phase;
    if (timing !== undefined) this.timings = { ...this.timings, [timing]: this.now() };
    this.publish();
  }

  mark(timing: keyof Omit<ExportTimings, 'startedAt'>): void {
    this.timings = { ...this.timings, [timing]: this.now() };
    this.publish();
  }

  setProgress(progress: ProgressState): void {
    this.progress = progress;
    this.publish();
  }

  setBatch(batch: ActiveBatch | undefined): void {
    this.batch = batch;
    this.publish();
  }

  setConsistency(consistency: ExportConsistency): void {
    this.consistency = consistency;
    this.publish();
  }

  get currentConsistency(): ExportConsistency | undefined {
    return this.consistency;
  }

  setError(error: ExportErrorInfo): void {
    this.error = error;
    this.publish();
  }

  private publish(): void {
    const status: ExportCustomStatus = {
      runId: this.runId,
      ...(this.target === undefined ? {} : { target: this.target }),
      phase: this.phase,
      progress: progressView(this.progress, this.phase),
      timings: this.timings,
      ...(this.consistency === undefined ? {} : { consistency: this.consistency }),
      ...(this.batch === undefined ? {} : { batch: this.batch }),
      ...(this.error === undefined ? {} : { error: this.error }),
    };
    this.df.setCustomStatus(status);
  }
}
