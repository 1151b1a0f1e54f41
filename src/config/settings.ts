import type { Parser } from './parsers';
import { containerName, integer, list, ncrontab, oneOf, serverPattern, targetRule, text } from './parsers';

/**
 * Every app setting bacpac-flow reads, with its parser, default and meaning. The loader rejects any
 * `BACPAC_*` setting that is not listed here, so a misspelt setting fails at start instead of being
 * silently ignored. local.settings.sample.json lists the same settings (a test keeps them in step).
 */
export interface SettingSpec<T> {
  readonly name: string;
  readonly parse: Parser<T>;
  /** Used when the setting is absent or empty; `undefined` means optional with no default. */
  readonly fallback?: T;
  readonly description: string;
}

function spec<T>(
  name: string,
  parse: Parser<T>,
  fallback: T | undefined,
  description: string,
): SettingSpec<T> {
  return fallback === undefined ? { name, parse, description } : { name, parse, fallback, description };
}

export const settings = {
  stagingContainer: spec(
    'BACPAC_STAGING_CONTAINER',
    containerName,
    'bacpac-staging',
    'Container in the app storage account that holds per-run staging blobs (plans, data parts).',
  ),
  allowedSourceServers: spec(
    'BACPAC_ALLOWED_SOURCE_SERVERS',
    list(serverPattern),
    undefined,
    'Comma-separated SQL server host names (a leading *. allowed) that exports may read from. Unset: any server the identity can reach.',
  ),
  allowedTargets: spec(
    'BACPAC_ALLOWED_TARGETS',
    list(targetRule),
    undefined,
    'Comma-separated blob service URLs, optionally with one container, that exports may write to. Unset: the app storage account only.',
  ),
  maxParallelism: spec(
    'BACPAC_MAX_PARALLELISM',
    integer(1, 64),
    4,
    'Default number of data parts exported at once.',
  ),
  splitRowThreshold: spec(
    'BACPAC_SPLIT_ROW_THRESHOLD',
    integer(1000, 2_000_000_000),
    1_000_000,
    'Default row count above which a table is split into key-range parts.',
  ),
  compression: spec(
    'BACPAC_COMPRESSION',
    oneOf('normal', 'fast', 'none'),
    'normal',
    'Default compression of data parts: normal (deflate level 6), fast (level 1) or none (stored).',
  ),
  partRetryAttempts: spec(
    'BACPAC_PART_RETRY_ATTEMPTS',
    integer(1, 10),
    3,
    'Attempts per data part before the export fails.',
  ),
  sqlConnectTimeoutSeconds: spec(
    'BACPAC_SQL_CONNECT_TIMEOUT_SECONDS',
    integer(1, 600),
    30,
    'SQL connection timeout.',
  ),
  sqlCommandTimeoutSeconds: spec(
    'BACPAC_SQL_COMMAND_TIMEOUT_SECONDS',
    integer(0, 86_400),
    0,
    'SQL command timeout for catalog and data queries; 0 means none (data parts stream for as long as they need).',
  ),
  managedIdentityClientId: spec(
    'BACPAC_MANAGED_IDENTITY_CLIENT_ID',
    text,
    undefined,
    'Client id of a user-assigned managed identity for SQL and storage; unset uses the system-assigned identity or developer credentials.',
  ),
  archiveSchedule: spec(
    'BACPAC_ARCHIVE_SCHEDULE',
    ncrontab,
    undefined,
    'NCRONTAB schedule of the archival timer; archival is disabled when unset.',
  ),
  archiveJobs: spec('BACPAC_ARCHIVE_JOBS', text, undefined, 'JSON array of archive jobs (see README).'),
} as const;

export type SettingKey = keyof typeof settings;
