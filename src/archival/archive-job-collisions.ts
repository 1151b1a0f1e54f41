import type { ArchiveJob } from './archive-job';
import { archiveListPrefix } from './archive-naming';

/**
 * Two jobs whose archives would share names (same account, container and `<prefix><database>`): each
 * job's retention would count and delete the other's archives. Reported on the later job.
 */
export function sharedNamingProblems(
  jobs: readonly ArchiveJob[],
  labelOf: (job: ArchiveJob) => string,
): string[] {
  const stemOf = (job: ArchiveJob): string =>
    `${job.target.accountUrl.toLowerCase()} ${job.target.container} ${archiveListPrefix({ prefix: job.target.prefix, database: job.source.database })}`;
  const problems: string[] = [];
  jobs.forEach((job, i) => {
    const other = jobs.find((o, j) => j < i && o.name !== job.name && stemOf(o) === stemOf(job));
    if (other !== undefined) {
      problems.push(
        `${labelOf(job)}.target.prefix: archives would be named like those of job "${other.name}" (same container, prefix and database), so each job's retention would delete the other's archives`,
      );
    }
  });
  return problems;
}
