import type { ExportRequest } from '../api/export-request';
import type { ExportOrchestrationInput, PipelineSettings } from '../orchestration/orchestration-input';
import type { ApplyRetentionInput } from './apply-retention';
import type { ArchiveJob } from './archive-job';
import { namingOf } from './archive-job';
import { archiveBlobName } from './archive-naming';
import { archiveInstanceId, slotOf } from './archive-slot';

/** Input of the archiveBacpac orchestration. */
export interface ArchiveOrchestrationInput {
  readonly job: string;
  readonly slot: string;
  /** ISO instant of the timer occurrence. */
  readonly scheduledTime: string;
  /** ISO instant the timer started the run. */
  readonly startedAt: string;
  /** Input of the export sub-orchestration. */
  readonly export: ExportOrchestrationInput;
  /** Retention input without the clock and the new archive, which the orchestration adds. */
  readonly retention: Omit<ApplyRetentionInput, 'now' | 'protect'>;
}

/** The export request of the job's run for one occurrence: the archive name from the scheduled time. */
export function archiveExportRequest(job: ArchiveJob, scheduledTime: Date): ExportRequest {
  return {
    source: job.source,
    target: {
      accountUrl: job.target.accountUrl,
      container: job.target.container,
      blobName: archiveBlobName(namingOf(job), scheduledTime),
    },
    options: job.options,
  };
}

export function retentionInputOf(job: ArchiveJob): ArchiveOrchestrationInput['retention'] {
  return {
    job: job.name,
    accountUrl: job.target.accountUrl,
    container: job.target.container,
    prefix: job.target.prefix,
    database: job.source.database,
    retention: job.retention,
  };
}

export interface ArchiveRunIds {
  readonly slot: string;
  readonly instanceId: string;
}

export function archiveRunIds(job: ArchiveJob, scheduledTime: Date): ArchiveRunIds {
  const slot = slotOf(scheduledTime);
  return { slot, instanceId: archiveInstanceId(job.name, slot) };
}

export function archiveOrchestrationInput(
  job: ArchiveJob,
  scheduledTime: Date,
  run: { readonly runId: string; readonly startedAt: Date; readonly pipeline: PipelineSettings },
): ArchiveOrchestrationInput {
  return {
    job: job.name,
    slot: slotOf(scheduledTime),
    scheduledTime: scheduledTime.toISOString(),
    startedAt: run.startedAt.toISOString(),
    export: { runId: run.runId, request: archiveExportRequest(job, scheduledTime), settings: run.pipeline },
    retention: retentionInputOf(job),
  };
}
