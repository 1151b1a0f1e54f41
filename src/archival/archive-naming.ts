import { bacpacBlobNameProblems } from '../storage/blob-names';
import type { ArchiveNaming } from './archive-job';

/**
 * Archive blob names: `<prefix><database>-<yyyyMMddTHHmmssZ>.bacpac`, the time being the timer's
 * scheduled time in UTC. The timestamp has a fixed length, so two jobs' names can only collide when
 * their `<prefix><database>` are equal, and a name belongs to a job exactly when it matches the job's
 * pattern (other jobs' archives under a longer or shorter prefix never do).
 */

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SUFFIX = '.bacpac';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `yyyyMMddTHHmmssZ` in UTC. */
export function formatArchiveStamp(time: Date): string {
  return (
    `${pad(time.getUTCFullYear(), 4)}${pad(time.getUTCMonth() + 1)}${pad(time.getUTCDate())}` +
    `T${pad(time.getUTCHours())}${pad(time.getUTCMinutes())}${pad(time.getUTCSeconds())}Z`
  );
}

/** The instant a `yyyyMMddTHHmmssZ` stamp names, or undefined when it is not a real UTC time. */
export function parseArchiveStamp(stamp: string): Date | undefined {
  const m = STAMP.exec(stamp);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatArchiveStamp(time) === stamp ? time : undefined;
}

/** What every archive name of the job starts with: the listing prefix. */
export function archiveListPrefix(naming: ArchiveNaming): string {
  return `${naming.prefix}${naming.database}-`;
}

export function archiveBlobName(naming: ArchiveNaming, time: Date): string {
  return `${archiveListPrefix(naming)}${formatArchiveStamp(time)}${SUFFIX}`;
}

/** The archive time a blob name carries when it follows the job's pattern exactly; otherwise undefined. */
export function archiveTimeOf(naming: ArchiveNaming, blobName: string): Date | undefined {
  const start = archiveListPrefix(naming);
  if (!blobName.startsWith(start) || !blobName.endsWith(SUFFIX)) return undefined;
  return parseArchiveStamp(blobName.slice(start.length, blobName.length - SUFFIX.length));
}

/**
 * Every rule the job's archive names would break, as `<path>.target.prefix: ...` or
 * `<path>.source.database: ...`. Characters are checked on each part; the length on the full name,
 * whose timestamp has a fixed length, so a name valid now is valid at every time.
 */
export function archiveNamingProblems(naming: ArchiveNaming, path: string): string[] {
  // One of each character, so the product's character rules apply without its length rule firing.
  const characters = (part: string, field: string): string[] =>
    bacpacBlobNameProblems(`${[...new Set(part)].join('')}a${SUFFIX}`, field).filter(
      (p) => !p.includes('fewer than'),
    );
  const problems = [
    ...characters(naming.prefix, `${path}.target.prefix`),
    ...characters(naming.database, `${path}.source.database`).map(
      (p) => `${p} (the database name is part of the archive blob name)`,
    ),
  ];
  const sample = archiveBlobName(naming, new Date(0));
  const length = [...sample].length;
  if (length > 127) {
    problems.push(
      `${path}.target.prefix: archive blob names such as "${sample}" would be ${length} characters; the prefix and the database name together may have at most ${127 - (length - [...naming.prefix].length - [...naming.database].length)} characters`,
    );
  }
  return problems;
}
