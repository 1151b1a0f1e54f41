import type { Compression, Consistency, ExportSourceSpec } from '../../api/export-request';
import type { EntraIdentity } from '../../source/mssql/connection/identity';
import { parseConnectionString } from '../../source/mssql/connection/connection-string';
import { sqlDatabaseCopies } from '../../source/sql-database-copies';
import { sqlSourceFor, type SqlSourceSettings } from '../../source/source-for-request';
import type { CliArgs, CliCommand } from '../command';
import { UsageError } from '../command';
import { DEFAULT_EXPORT_OPTIONS, writeExportResult, parseOutput, runLocalExport } from '../local-export';

const CONNECTION_ENV = 'MSSQL_CONNECTION_STRING';

function text(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

function positiveInt(args: CliArgs, name: string, fallback: number): number {
  const raw = text(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new UsageError(`--${name} must be a positive whole number, found ${raw}`);
  return Number(raw);
}

function choice<T extends string>(args: CliArgs, name: string, choices: readonly T[], fallback: T): T {
  const raw = text(args, name) ?? fallback;
  if (!choices.includes(raw as T))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, found ${raw}`);
  return raw as T;
}

function identityOf(kind: string, clientId: string | undefined): EntraIdentity {
  switch (kind) {
    case 'managed':
      return { kind: 'managedIdentity', ...(clientId ? { clientId } : {}) };
    case 'workload':
      return { kind: 'workloadIdentity', ...(clientId ? { clientId } : {}) };
    case 'default':
      return { kind: 'default', ...(clientId ? { managedIdentityClientId: clientId } : {}) };
    default:
      throw new UsageError(`--identity must be managed, workload or default, found ${kind}`);
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a SQL Server or Azure SQL database to a BACPAC file or blob, in this process',
  usage:
    'export --out FILE|BLOB-URL [--server S --database D --identity managed|workload|default] [--tables s.t,...] [options]',
  help: [
    `The SQL connection string is read from ${CONNECTION_ENV} (never from the command line), unless --server,`,
    '--database and --identity name a server and a Microsoft Entra identity.',
    '--out FILE|URL       a local file, or https://account.blob.core.windows.net/container/name.bacpac',
    '                     (blob credentials: AZURE_STORAGE_CONNECTION_STRING, else the Entra identity)',
    '--client-id ID       client id of a user-assigned managed identity',
    '--tables s.t,...     export only these tables (the schema is exported whole)',
    '--parallelism N      data parts exported at once (default 4)',
    '--split-rows N       split tables above N rows into key ranges (default 1000000)',
    '--compression C      normal, fast or none (default normal)',
    '--consistency C      none, snapshot, or copy (Azure SQL Database: export a transactionally',
    '                     consistent copy made for the run and dropped after it; default none)',
    '--overwrite          replace the output if it exists',
    '--staging DIR        staging folder for file output (default: a temporary folder)',
    '--json               print the result as one JSON document',
  ],
  options: {
    out: { type: 'string' },
    server: { type: 'string' },
    database: { type: 'string' },
    identity: { type: 'string' },
    'client-id': { type: 'string' },
    tables: { type: 'string' },
    parallelism: { type: 'string' },
    'split-rows': { type: 'string' },
    compression: { type: 'string' },
    consistency: { type: 'string' },
    overwrite: { type: 'boolean' },
    staging: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.positionals.length > 0)
      throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    const out = text(args, 'out');
    if (out === undefined) throw new UsageError('--out FILE|BLOB-URL is required');
    const output = parseOutput(out);
    const clientId = text(args, 'client-id');
    const server = text(args, 'server');
    const database = text(args, 'database');
    const identity = text(args, 'identity');
    const compression = choice<Compression>(args, 'compression', ['normal', 'fast', 'none'], 'normal');
    const consistency = choice<Consistency>(args, 'consistency', ['none', 'snapshot', 'copy'], 'none');

    let spec: ExportSourceSpec;
    let settings: Record<string, string | undefined> = {};
    let entra: EntraIdentity | undefined;
    if (server !== undefined || database !== undefined || identity !== undefined) {
      if (server === undefined || database === undefined || identity === undefined) {
        throw new UsageError('--server, --database and --identity go together');
      }
      entra = identityOf(identity, clientId);
      spec = { server, database, authentication: 'managed-identity' };
    } else {
      const connectionString = process.env[CONNECTION_ENV];
      if (!connectionString) {
        throw new UsageError(
          `set ${CONNECTION_ENV} to the SQL connection string, or name --server, --database and --identity`,
        );
      }
      settings = { [CONNECTION_ENV]: connectionString };
      let target;
      try {
        target = parseConnectionString(connectionString);
      } catch (error) {
        throw new UsageError(`${CONNECTION_ENV}: ${error instanceof Error ? error.message : String(error)}`);
      }
      spec = {
        server: target.server,
        database: target.database ?? 'master',
        authentication: 'connection-setting',
        connectionSetting: CONNECTION_ENV,
      };
    }
    const tables = text(args, 'tables')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const staging = text(args, 'staging');
    const sqlSettings: SqlSourceSettings = {
      settings,
      connectTimeoutSeconds: 30,
      commandTimeoutSeconds: 0,
      ...(entra ? { identity: entra } : {}),
    };
    const result = await runLocalExport(
      {
        output,
        sourceSpec: spec,
        openSource: (stepSpec, stepConsistency) => sqlSourceFor(stepSpec, stepConsistency, sqlSettings),
        ...(consistency === 'copy' ? { databaseCopies: sqlDatabaseCopies(sqlSettings) } : {}),
        options: {
          ...DEFAULT_EXPORT_OPTIONS,
          ...(tables ? { tables } : {}),
          maxParallelism: positiveInt(args, 'parallelism', DEFAULT_EXPORT_OPTIONS.maxParallelism),
          splitRowThreshold: positiveInt(args, 'split-rows', DEFAULT_EXPORT_OPTIONS.splitRowThreshold),
          compression,
          consistency,
          overwrite: args.values.overwrite === true,
        },
        ...(staging ? { stagingDir: staging } : {}),
        ...(clientId ? { managedIdentityClientId: clientId } : {}),
        quiet: args.values.json === true,
      },
      io,
    );
    writeExportResult(result, args.values.json === true, io);
    return 0;
  },
};
