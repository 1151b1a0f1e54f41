import { bacpacBlobNameProblems, containerNameProblems } from '../storage/blob-names';
import { ApiError } from './api-error';
import {
  AUTHENTICATIONS,
  COMPRESSIONS,
  CONSISTENCIES,
  type Compression,
  type ExportOptions,
  type ExportRequest,
  type ExportSourceSpec,
  type ExportTargetSpec,
} from './export-request';
import { findSecrets } from './secret-scan';

/** Server-side defaults and the app storage account that `accountUrl: "default"` means. */
export interface RequestDefaults {
  readonly appAccountUrl: string;
  readonly maxParallelism: number;
  readonly splitRowThreshold: number;
  readonly compression: Compression;
}

export interface StartExportRequest {
  readonly request: ExportRequest;
  /** Caller-chosen orchestration instance id. */
  readonly instanceId?: string;
}

const MAX_PARALLELISM = 64;
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const SETTING_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const TABLE_NAME = /^[^.\s][^.]*\.[^.]*[^.\s]$/;
const SERVER = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(,\d{1,5})?$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Collects field-level problems, each starting with the field path. */
class Problems {
  readonly list: string[] = [];

  add(message: string): void {
    this.list.push(message);
  }

  object(value: unknown, path: string, known: readonly string[]): Obj {
    if (!isObject(value)) {
      this.add(`${path}: must be an object`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add(`${path === '' ? key : `${path}.${key}`}: unknown field`);
    }
    return value;
  }

  text(value: unknown, path: string, pattern?: RegExp, expected?: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(`${path}: must be a non-empty string`);
      return '';
    }
    if (pattern !== undefined && !pattern.test(value))
      this.add(`${path}: must be ${expected}, found "${value}"`);
    return value;
  }

  choice<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      this.add(
        `${path}: must be one of ${choices.map((c) => `"${c}"`).join(', ')}, found ${JSON.stringify(value)}`,
      );
      return fallback;
    }
    return value as T;
  }

  integer(value: unknown, path: string, min: number, max: number, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(`${path}: must be a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }
}

function parseSource(value: unknown, problems: Problems): ExportSourceSpec {
  const source = problems.object(value, 'source', [
    'server',
    'database',
    'authentication',
    'connectionSetting',
  ]);
  const server = problems.text(
    source.server,
    'source.server',
    SERVER,
    'a host name, optionally with ",port"',
  );
  const database = problems.text(source.database, 'source.database');
  if (database.length > 128) problems.add('source.database: must be at most 128 characters');
  const authentication = problems.choice(
    source.authentication,
    'source.authentication',
    AUTHENTICATIONS,
    'managed-identity',
  );
  if (source.authentication === undefined) problems.add('source.authentication: required');
  if (authentication === 'connection-setting') {
    const setting = problems.text(
      source.connectionSetting,
      'source.connectionSetting',
      SETTING_NAME,
      'the name of an app setting',
    );
    return { server, database, authentication, connectionSetting: setting };
  }
  if (source.connectionSetting !== undefined) {
    problems.add('source.connectionSetting: only allowed with authentication "connection-setting"');
  }
  return { server, database, authentication };
}

function parseAccountUrl(value: unknown, defaults: RequestDefaults, problems: Problems): string {
  if (value === undefined || value === 'default') return defaults.appAccountUrl;
  const text = problems.text(value, 'target.accountUrl');
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.add('target.accountUrl: must be an https:// blob service URL or "default"');
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '') {
      problems.add('target.accountUrl: must not carry a query string, fragment or user information');
    }
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    if (text !== '')
      problems.add(`target.accountUrl: must be a blob service URL or "default", found "${text}"`);
    return '';
  }
}

function parseTarget(value: unknown, defaults: RequestDefaults, problems: Problems): ExportTargetSpec {
  const target = problems.object(value, 'target', ['accountUrl', 'container', 'blobName']);
  const accountUrl = parseAccountUrl(target.accountUrl, defaults, problems);
  const container = problems.text(target.container, 'target.container');
  if (container !== '') containerNameProblems(container, 'target.container').forEach((p) => problems.add(p));
  const blobName = problems.text(target.blobName, 'target.blobName');
  if (blobName !== '') bacpacBlobNameProblems(blobName, 'target.blobName').forEach((p) => problems.add(p));
  return { accountUrl, container, blobName };
}

function parseOptions(
  value: unknown,
  defaults: RequestDefaults,
  problems: Problems,
): ExportOptions & { instanceId?: string } {
  const known = [
    'tables',
    'maxParallelism',
    'splitRowThreshold',
    'compression',
    'overwrite',
    'instanceId',
    'consistency',
  ];
  const options = value === undefined ? {} : problems.object(value, 'options', known);
  let tables: string[] | undefined;
  if (options.tables !== undefined) {
    if (!Array.isArray(options.tables) || options.tables.length === 0) {
      problems.add('options.tables: must be a non-empty array of "schema.table" names');
    } else {
      tables = options.tables.map((t, i) =>
        problems.text(t, `options.tables[${i}]`, TABLE_NAME, 'a "schema.table" name'),
      );
    }
  }
  if (options.overwrite !== undefined && typeof options.overwrite !== 'boolean') {
    problems.add(`options.overwrite: must be true or false, found ${JSON.stringify(options.overwrite)}`);
  }
  const instanceId =
    options.instanceId === undefined
      ? undefined
      : problems.text(
          options.instanceId,
          'options.instanceId',
          INSTANCE_ID,
          '1-100 letters, digits, "_", "." or "-"',
        );
  return {
    ...(tables === undefined ? {} : { tables }),
    maxParallelism: problems.integer(
      options.maxParallelism,
      'options.maxParallelism',
      1,
      MAX_PARALLELISM,
      defaults.maxParallelism,
    ),
    splitRowThreshold: problems.integer(
      options.splitRowThreshold,
      'options.splitRowThreshold',
      1000,
      2_000_000_000,
      defaults.splitRowThreshold,
    ),
    compression: problems.choice(
      options.compression,
      'options.compression',
      COMPRESSIONS,
      defaults.compression,
    ),
    overwrite: options.overwrite === true,
    consistency: problems.choice(options.consistency, 'options.consistency', CONSISTENCIES, 'none'),
    ...(instanceId === undefined ? {} : { instanceId }),
  };
}

/**
 * Validates a start-export body and fills in defaults. Throws ApiError 400: SECRET_IN_REQUEST when any
 * field carries a password or connection string, INVALID_REQUEST listing every field-level problem.
 */
export function parseExportRequest(body: unknown, defaults: RequestDefaults): StartExportRequest {
  const secrets = findSecrets(body);
  if (secrets.length > 0) {
    throw new ApiError(
      400,
      'SECRET_IN_REQUEST',
      `The request carries a password or connection string (${secrets.join(', ')}). Credentials never travel in requests: use authentication "connection-setting" with the name of an app setting that holds the connection string, or "managed-identity".`,
      { fields: secrets },
    );
  }
  const problems = new Problems();
  const root = problems.object(body, '', ['source', 'target', 'options']);
  const source = parseSource(root.source, problems);
  const target = parseTarget(root.target, defaults, problems);
  const { instanceId, ...options } = parseOptions(root.options, defaults, problems);
  if (problems.list.length > 0) {
    throw new ApiError(400, 'INVALID_REQUEST', problems.list.join('; '), { problems: problems.list });
  }
  return { request: { source, target, options }, ...(instanceId === undefined ? {} : { instanceId }) };
}
