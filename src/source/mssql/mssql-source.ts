import type {
  ExportSource,
  PartSpec,
  PlanOptions,
  ReadSchemaOptions,
  SourceSchema,
  SourceTable,
} from '../types';
import type { CatalogQuery } from './catalog/read-catalog';
import { chooseAuth } from './connection/auth-choice';
import { parseConnectionString } from './connection/connection-string';
import { createSqlConnector } from './connection/connector';
import type { SqlConnector, SqlPool } from './connection/connector';
import { DEFAULT_TIMEOUTS } from './connection/driver-config';
import type { EntraIdentity } from './connection/identity';
import type { RetryPolicy } from './connection/retry';
import { DEFAULT_RETRY_POLICY, withRetry } from './connection/retry';
import { openPartRows } from './open-rows';
import { planKeyRanges, wantedParts, wholeTable } from './plan-parts';
import { readSchemaWith } from './read-schema';
import { runQuery } from './run-query';

export interface MssqlSourceOptions {
  /**
   * ADO.NET connection string (`Server=tcp:x.database.windows.net,1433;Database=db;...`) or
   * `mssql://` URL. With User ID and Password it selects SQL authentication; otherwise it names the
   * server and database and connections use a Microsoft Entra token.
   */
  readonly connectionString: string;
  /** The Entra identity for token authentication (default: DefaultAzureCredential). */
  readonly identity?: EntraIdentity;
  readonly connectTimeoutMs?: number;
  /** Limit for catalog and planning queries; row streams have none (cancel them with a signal). */
  readonly commandTimeoutMs?: number;
  readonly retry?: RetryPolicy;
  /**
   * `none`: read committed; `snapshot`: each part under SNAPSHOT isolation (the database must
   * allow it); `copy`: the connection string names a database copy made with startDatabaseCopy.
   */
  readonly consistency?: 'none' | 'snapshot' | 'copy';
  /** `fail` (default): unsupported objects fail readSchema; `skip`: they are left out and reported. */
  readonly onUnsupported?: 'fail' | 'skip';
  /** Progress and retry messages (never secrets). */
  readonly log?: (message: string) => void;
  /**
   * Opens the connections (default: mssql/tedious connections built from the connection string).
   * Tests substitute a connector whose pools answer with catalog rows.
   */
  readonly connector?: SqlConnector;
}

/** The SQL Server / Azure SQL source of the export pipeline. */
export function createMssqlSource(options: MssqlSourceOptions): ExportSource {
  const consistency = options.consistency ?? 'none';
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const log = options.log ?? (() => undefined);
  const connector = options.connector ?? defaultConnector(options, retry, log);
  const withPool = <T>(purpose: string, work: (pool: SqlPool) => Promise<T>): Promise<T> =>
    withRetry(
      async () => {
        const pool = await connector.connect(purpose);
        try {
          return await work(pool);
        } finally {
          await pool.close().catch(() => undefined);
        }
      },
      retry,
      { onRetry: (e, n, ms) => log(`${purpose}: retry ${n} in ${ms} ms after ${String(e)}`) },
    );

  function readSchema(readOptions?: ReadSchemaOptions): Promise<SourceSchema> {
    return withPool('reading the schema', (pool) => {
      const query: CatalogQuery = (sql, read, what) => runQuery(pool, sql, read, what);
      return readSchemaWith(
        query,
        { consistency, onUnsupported: options.onUnsupported ?? 'fail' },
        readOptions,
      );
    });
  }

  function planParts(table: SourceTable, plan: PlanOptions): Promise<PartSpec[]> {
    const parts = wantedParts(table, plan);
    if (parts <= 1) return Promise.resolve(wholeTable(table));
    return withPool(`planning [${table.schema}].[${table.name}]`, (pool) =>
      planKeyRanges(pool, table, parts),
    );
  }

  return {
    readSchema,
    planParts,
    openRows: (part, rowOptions) =>
      openPartRows({ connector, retry, snapshot: consistency === 'snapshot' }, part, rowOptions),
    close: () => Promise.resolve(),
  };
}

function defaultConnector(
  options: MssqlSourceOptions,
  retry: RetryPolicy,
  log: (m: string) => void,
): SqlConnector {
  const settings = parseConnectionString(options.connectionString);
  return createSqlConnector({
    settings,
    auth: chooseAuth(settings, options.identity),
    timeouts: {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_TIMEOUTS.commandTimeoutMs,
    },
    retry,
    onRetry: log,
  });
}
