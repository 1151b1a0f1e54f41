import type { ExportOptions, ExportSourceSpec } from '../api/export-request';

/**
 * One archive job from BACPAC_ARCHIVE_JOBS, validated: at every firing of the archival timer it exports
 * `source` to `<target.prefix><database>-<yyyyMMddTHHmmssZ>.bacpac` in the target container, then
 * applies its retention to the archives it wrote before. Like an export request, it never carries a
 * secret.
 */
export interface ArchiveJob {
  /** 1-40 lower-case letters, digits and hyphens; part of instance ids and history blob names. */
  readonly name: string;
  readonly source: ExportSourceSpec;
  readonly target: ArchiveTarget;
  readonly options: ExportOptions;
  readonly retention: RetentionPolicy;
}

export interface ArchiveTarget {
  /** Blob service URL without a trailing slash ("default" already resolved to the app account). */
  readonly accountUrl: string;
  readonly container: string;
  /** Start of every archive blob name of the job; may be empty. */
  readonly prefix: string;
}

/**
 * Which archives to keep. Each rule present is a limit: an archive is deleted when it is not among the
 * `keepLast` newest, or when it is older than `maxAgeDays`. The newest archive is never deleted.
 */
export interface RetentionPolicy {
  readonly keepLast?: number;
  readonly maxAgeDays?: number;
}

/** The parts of a job that decide its archive blob names. */
export interface ArchiveNaming {
  readonly prefix: string;
  readonly database: string;
}

export function namingOf(job: Pick<ArchiveJob, 'source' | 'target'>): ArchiveNaming {
  return { prefix: job.target.prefix, database: job.source.database };
}
