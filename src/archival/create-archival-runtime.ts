import { ArchivalError } from './archival-error';
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
 * Throws ArchivalError ARCHIVE_SCHEDULE_INVALID or ARCHIVE_JOBS_INVALID naming the setting, job and field,
 * or ARCHIVE_SETTINGS_INVALID listing the problems of both settings when both are wrong.
 */
export function createArchivalRuntime(
  settings: ArchivalSettings,
  context: ArchiveJobsContext & Omit<ArchivalRuntime, 'schedule' | 'jobs'>,
): ArchivalRuntime {
  const failures: ArchivalError[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ArchivalError)) throw error;
      failures.push(error);
      return undefined;
    }
  };
  const { schedule: expression, jobsJson } = settings;
  const schedule = expression === undefined ? undefined : attempt(() => parseArchiveSchedule(expression));
  const jobs: readonly ArchiveJob[] =
    (jobsJson === undefined ? [] : attempt(() => parseArchiveJobs(jobsJson, context))) ?? [];
  const [first, second] = failures;
  if (second !== undefined) {
    const problems = failures.flatMap((f) =>
      f.problems.length > 0 ? f.problems : [f.message.replace(/^\[[A-Z_]+\] /, '')],
    );
    throw new ArchivalError(
      'ARCHIVE_SETTINGS_INVALID',
      `${problems.length} problem(s): ${problems.join('; ')}`,
      problems,
    );
  }
  if (first !== undefined) throw first;
  return {
    ...(schedule === undefined ? {} : { schedule }),
    jobs,
    history: context.history,
    pipeline: context.pipeline,
    targetContainer: (target) => context.targetContainer(target),
    newRunId: () => context.newRunId(),
  };
}
