import { ApiError } from '../api/api-error';
import { checkAllowList, type AllowList } from '../api/allow-list';
import type { ExportRequest } from '../api/export-request';
import { parseExportRequest, type RequestDefaults } from '../api/parse-export-request';
import { findSecrets } from '../api/secret-scan';
import { ArchivalError } from './archival-error';
import type { ArchiveJob, RetentionPolicy } from './archive-job';
import { archiveListPrefix, archiveNamingProblems } from './archive-naming';

/**
 * Validates BACPAC_ARCHIVE_JOBS: a JSON array of jobs
 * `{ name, source, target: { accountUrl?, container, prefix? }, options?, retention }`. Source and
 * options follow the export API's rules (the same parser checks them). Every problem names the job and
 * the field: `BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.prefix: ...`.
 */
export interface ArchiveJobsContext {
  /** Option defaults and the account `"default"` means. */
  readonly defaults: RequestDefaults;
  /** When given, every job's source and target must be allowed. */
  readonly allowList?: AllowList;
  /** When given, a connection-setting source must name a defined app setting. */
  readonly hasSetting?: (name: string) => boolean;
}

const SETTING = 'BACPAC_ARCHIVE_JOBS';
const JOB_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const JOB_FIELDS = ['name', 'source', 'target', 'options', 'retention'];
const TARGET_FIELDS = ['accountUrl', 'container', 'prefix'];
const MAX_KEEP_LAST = 10_000;
const MAX_AGE_DAYS = 36_500;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError) {
    const listed = error.details.problems;
    return Array.isArray(listed) ? listed.map(String) : [error.message];
  }
  throw error;
}

function parseRetention(value: unknown, path: string, problems: string[]): RetentionPolicy {
  if (!isObject(value)) {
    problems.push(`${path}: required: an object with keepLast and/or maxAgeDays`);
    return {};
  }
  for (const key of Object.keys(value)) {
    if (key !== 'keepLast' && key !== 'maxAgeDays') problems.push(`${path}.${key}: unknown field`);
  }
  const whole = (field: 'keepLast' | 'maxAgeDays', max: number): number | undefined => {
    const v = value[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
      problems.push(`${path}.${field}: must be a whole number from 1 to ${max}, found ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  };
  const keepLast = whole('keepLast', MAX_KEEP_LAST);
  const maxAgeDays = whole('maxAgeDays', MAX_AGE_DAYS);
  if (value.keepLast === undefined && value.maxAgeDays === undefined) {
    problems.push(`${path}: must set keepLast, maxAgeDays or both`);
  }
  return {
    ...(keepLast === undefined ? {} : { keepLast }),
    ...(maxAgeDays === undefined ? {} : { maxAgeDays }),
  };
}

function parseJob(
  value: unknown,
  label: string,
  context: ArchiveJobsContext,
  problems: string[],
): ArchiveJob | undefined {
  if (!isObject(value)) {
    problems.push(`${label}: must be an object`);
    return undefined;
  }
  const secrets = findSecrets(value);
  if (secrets.length > 0) {
    for (const field of secrets) {
      problems.push(
        `${label}.${field}: carries a password, key or connection string; settings name credentials instead (authentication "connection-setting" with connectionSetting, or "managed-identity")`,
      );
    }
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(value)) {
    if (!JOB_FIELDS.includes(key)) problems.push(`${label}.${key}: unknown field`);
  }
  const name = value.name;
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    problems.push(
      `${label}.name: must be 1-40 lower-case letters, digits and hyphens, starting and ending with a letter or digit, found ${JSON.stringify(name)}`,
    );
  }
  const target = isObject(value.target) ? value.target : undefined;
  if (target === undefined) problems.push(`${label}.target: must be an object`);
  for (const key of Object.keys(target ?? {})) {
    if (!TARGET_FIELDS.includes(key)) problems.push(`${label}.target.${key}: unknown field`);
  }
  const prefix = target?.prefix ?? '';
  if (typeof prefix !== 'string')
    problems.push(`${label}.target.prefix: must be a string, found ${JSON.stringify(prefix)}`);
  if (isObject(value.options) && value.options.instanceId !== undefined) {
    problems.push(`${label}.options.instanceId: not allowed: archive runs are named archive-<job>-<slot>`);
  }
  const options = isObject(value.options) ? { ...value.options, instanceId: undefined } : value.options;

  let request: ExportRequest | undefined;
  try {
    const probe = { accountUrl: target?.accountUrl, container: target?.container, blobName: 'probe.bacpac' };
    request = parseExportRequest({ source: value.source, target: probe, options }, context.defaults).request;
  } catch (error) {
    problems.push(...problemsOf(error).map((p) => `${label}.${p}`));
  }
  if (request !== undefined && typeof prefix === 'string') {
    problems.push(...archiveNamingProblems({ prefix, database: request.source.database }, label));
    const setting = request.source.connectionSetting;
    if (setting !== undefined && context.hasSetting !== undefined && !context.hasSetting(setting)) {
      problems.push(`${label}.source.connectionSetting: app setting "${setting}" is not defined`);
    }
    if (context.allowList !== undefined) {
      try {
        checkAllowList(request, context.allowList);
      } catch (error) {
        problems.push(...problemsOf(error).map((p) => `${label}.${p}`));
      }
    }
  }
  const retention = parseRetention(value.retention, `${label}.retention`, problems);
  if (
    problems.length > before ||
    request === undefined ||
    typeof name !== 'string' ||
    typeof prefix !== 'string'
  ) {
    return undefined;
  }
  const { accountUrl, container } = request.target;
  return {
    name,
    source: request.source,
    target: { accountUrl, container, prefix },
    options: request.options,
    retention,
  };
}

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
  jobs.forEach((job, i) => {
    const other = jobs.findIndex(
      (o) =>
        o.target.accountUrl.toLowerCase() === job.target.accountUrl.toLowerCase() &&
        o.target.container === job.target.container &&
        archiveListPrefix({ prefix: o.target.prefix, database: o.source.database }) ===
          archiveListPrefix({ prefix: job.target.prefix, database: job.source.database }),
    );
    if (other < i && job.name !== jobs[other]!.name) {
      const label = labels[root.findIndex((v: unknown) => isObject(v) && v.name === job.name)] ?? job.name;
      problems.push(
        `${label}.target.prefix: archives would be named like those of job "${jobs[other]!.name}" (same container, prefix and database), so each job's retention would delete the other's archives`,
      );
    }
  });
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
