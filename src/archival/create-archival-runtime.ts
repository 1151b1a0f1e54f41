import type { ArchiveJob } from './archive-job';
import { parseArchiveSchedule } from './archive-schedule';
import type { ArchivalRuntime } from './archival-runtime';
import { parseArchiveJobs, type ArchiveJobsContext } from './parse-archive-jobs';

export interface ArchivalSettings {
  /** BACPAC_ARCHIVE_SCHEDULE (NCRONTAB); archival is disabled when absent. */
  readonly schedule?: string;
  /** BACPAC_ARCHIVE_JOBS (JSON array); no jobs when absent. */
  readonly jobsJson?: string;
}

/**
 * Validates the archival settings once (schedule, then every job) and binds them to storage access.
 * Throws ArchivalError ARCHIVE_SCHEDULE_INVALID or ARCHIVE_JOBS_INVALID naming the setting, job and field.
 */
export function createArchivalRuntime(
  settings: ArchivalSettings,
  context: ArchiveJobsContext & Omit<ArchivalRuntime, 'schedule' | 'jobs'>,
): ArchivalRuntime {
  const schedule = settings.schedule === undefined ? undefined : parseArchiveSchedule(settings.schedule);
  const jobs: readonly ArchiveJob[] =
    settings.jobsJson === undefined ? [] : parseArchiveJobs(settings.jobsJson, context);
  return {
    ...(schedule === undefined ? {} : { schedule }),
    jobs,
    history: context.history,
    pipeline: context.pipeline,
    targetContainer: (target) => context.targetContainer(target),
    newRunId: () => context.newRunId(),
  };
}
