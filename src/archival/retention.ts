import type { ArchiveNaming, RetentionPolicy } from './archive-job';
import { archiveTimeOf } from './archive-naming';

/**
 * Which archives retention deletes, decided from a blob listing alone. Only blobs named by the job's
 * own pattern are considered (anything else in the container is ignored, whoever wrote it). They are
 * ordered newest first by the time in their name (then by last-modified); an archive is deleted when
 * it is beyond the `keepLast` newest or older than `maxAgeDays` at `now`. The newest archive and the
 * `protect`ed one (the archive the run just wrote) are always kept.
 */
export interface ListedBlob {
  readonly name: string;
  readonly lastModified: Date;
}

export interface RetentionDeletion {
  readonly name: string;
  /** ISO instant from the blob name. */
  readonly archivedAt: string;
  readonly reason: string;
}

export interface RetentionPlan {
  /** Archives kept, newest first. */
  readonly keep: readonly string[];
  readonly delete: readonly RetentionDeletion[];
}

const DAY_MS = 86_400_000;

export function planRetention(
  blobs: readonly ListedBlob[],
  naming: ArchiveNaming,
  policy: RetentionPolicy,
  now: Date,
  protect?: string,
): RetentionPlan {
  const archives = blobs
    .flatMap((blob) => {
      const time = archiveTimeOf(naming, blob.name);
      return time === undefined ? [] : [{ ...blob, time }];
    })
    .sort(
      (a, b) =>
        b.time.getTime() - a.time.getTime() ||
        b.lastModified.getTime() - a.lastModified.getTime() ||
        (a.name < b.name ? 1 : -1),
    );
  const cutoff = policy.maxAgeDays === undefined ? undefined : now.getTime() - policy.maxAgeDays * DAY_MS;
  const keep: string[] = [];
  const deletions: RetentionDeletion[] = [];
  archives.forEach((archive, index) => {
    const reasons: string[] = [];
    if (policy.keepLast !== undefined && index >= policy.keepLast) {
      reasons.push(`beyond the ${policy.keepLast} newest`);
    }
    if (cutoff !== undefined && archive.time.getTime() < cutoff) {
      reasons.push(`older than ${policy.maxAgeDays} days`);
    }
    if (reasons.length === 0 || index === 0 || archive.name === protect) {
      keep.push(archive.name);
    } else {
      deletions.push({
        name: archive.name,
        archivedAt: archive.time.toISOString(),
        reason: reasons.join(' and '),
      });
    }
  });
  return { keep, delete: deletions };
}
