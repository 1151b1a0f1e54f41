import { ArchivalError } from './archival-error';
import type { ArchiveJob } from './archive-job';
import { sharedNamingProblems } from './archive-job-collisions';
import { isObject, parseJob, type ArchiveJobsContext } from './parse-archive-job';

export type { ArchiveJobsContext } from './parse-archive-job';

/**
 * Validates BACPAC_ARCHIVE_JOBS, a JSON array of jobs (see parse-archive-job.ts). Every problem names
 * the setting, the job and the field: `BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.prefix: ...`.
 * Job names are unique, and no two jobs may write archives with the same names.
 */
const SETTING = 'BACPAC_ARCHIVE_JOBS';

/** Parses and validates the jobs; throws ARCHIVE_JOBS_INVALID listing every problem. */
export function parseArchiveJobs(json: string, context: ArchiveJobsContext): readonly ArchiveJob[] {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid([`${SETTING}: not valid JSON (${reason})`]);
  }
  if (!Array.isArray(root)) throw invalid([`${SETTING}: must be a JSON array of archive jobs`]);

  const problems: string[] = [];
  const jobs: ArchiveJob[] = [];
  const labels: string[] = [];
  root.forEach((value: unknown, index) => {
    const name = isObject(value) && typeof value.name === 'string' ? value.name : undefined;
    const label = `${SETTING}[${index}]${name === undefined ? '' : ` (${name})`}`;
    labels.push(label);
    const job = parseJob(value, label, context, problems);
    if (job !== undefined) jobs.push(job);
    const first = root.findIndex((other: unknown) => isObject(other) && other.name === name);
    if (name !== undefined && first < index) {
      problems.push(`${label}.name: "${name}" is already the name of ${SETTING}[${first}]`);
    }
  });
  problems.push(
    ...sharedNamingProblems(
      jobs,
      (job) => labels[root.findIndex((v: unknown) => isObject(v) && v.name === job.name)] ?? job.name,
    ),
  );
  if (problems.length > 0) throw invalid(problems);
  return Object.freeze(jobs.map((job) => deepFreeze(job)));
}

function invalid(problems: readonly string[]): ArchivalError {
  return new ArchivalError(
    'ARCHIVE_JOBS_INVALID',
    `${problems.length} problem(s): ${problems.join('; ')}`,
    problems,
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
