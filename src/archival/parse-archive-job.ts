import { ApiError } from '../api/api-error';
import { checkAllowList, type AllowList } from '../api/allow-list';
import type { ExportRequest } from '../api/export-request';
import { parseExportRequest, type RequestDefaults } from '../api/parse-export-request';
import { findSecrets } from '../api/secret-scan';
import type { ArchiveJob } from './archive-job';
import { archiveNamingProblems } from './archive-naming';
import { parseRetention } from './parse-retention';

/** What validating a job needs besides the job. */
export interface ArchiveJobsContext {
  /** Option defaults and the account `"default"` means. */
  readonly defaults: RequestDefaults;
  /** When given, every job's source and target must be allowed. */
  readonly allowList?: AllowList;
  /** When given, a connection-setting source must name a defined app setting. */
  readonly hasSetting?: (name: string) => boolean;
}

const JOB_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const JOB_FIELDS = ['name', 'source', 'target', 'options', 'retention'];
const TARGET_FIELDS = ['accountUrl', 'container', 'prefix'];

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The field-level problems of an export API validation error. */
function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError) {
    const listed = error.details.problems;
    return Array.isArray(listed) ? listed.map(String) : [error.message];
  }
  throw error;
}

/**
 * One job of BACPAC_ARCHIVE_JOBS: `{ name, source, target: { accountUrl?, container, prefix? },
 * options?, retention }`. Source and options follow the export API's rules (its parser checks them, a
 * probe blob name standing in for the archive name). Problems are pushed as `<label>.<field>: ...`;
 * the job is returned only when it has none. A job carrying a secret is reported without its values
 * and not examined further.
 */
export function parseJob(
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
