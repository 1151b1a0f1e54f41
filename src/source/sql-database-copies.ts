import type { ExportSourceSpec } from '../api/export-request';
import type { DatabaseCopyOps, DatabaseCopyState } from './database-copy-ops';
import { chooseAuth } from './mssql/connection/auth-choice';
import { parseConnectionString } from './mssql/connection/connection-string';
import { createSqlConnector, type SqlConnector, type SqlPool } from './mssql/connection/connector';
import { DEFAULT_TIMEOUTS } from './mssql/connection/driver-config';
import { DEFAULT_RETRY_POLICY } from './mssql/connection/retry';
import { copyStatus, dropDatabaseCopy, startDatabaseCopy } from './mssql/consistency/database-copy';
import { toSourceError } from './mssql/errors';
import { unicodeLiteral } from './mssql/quote';
import { sqlConnectionFor, type SqlSourceSettings } from './source-for-request';

const ENGINE_EDITION_SQL = "SELECT CAST(SERVERPROPERTY('EngineEdition') AS int) AS engineEdition;";

/**
 * Database copies on a request's Azure SQL logical server, through its master database (the
 * principal needs the dbmanager role in master, or to be the server admin, and to own the source
 * database, as CREATE DATABASE ... AS COPY OF requires). The database copied is the one the
 * request's connection names: the connection setting's Database when it has one.
 */
export function sqlDatabaseCopies(
  options: SqlSourceSettings,
  /** Opens the connections (tests substitute one whose pools answer from rows). */
  connectorFor: (
    connectionString: string,
    identity?: SqlSourceSettings['identity'],
  ) => SqlConnector = defaultConnector(options),
): DatabaseCopyOps {
  const connect = (spec: ExportSourceSpec) => {
    const { connectionString, identity } = sqlConnectionFor(spec, options);
    const database = parseConnectionString(connectionString).database ?? spec.database;
    return { connector: connectorFor(connectionString, identity), database };
  };
  const onMaster = async <T>(
    spec: ExportSourceSpec,
    purpose: string,
    work: (pool: SqlPool, database: string) => Promise<T>,
  ): Promise<T> => {
    const { connector, database } = connect(spec);
    const pool = await connector.connect(purpose, 'master');
    try {
      return await work(pool, database);
    } finally {
      await pool.close().catch(() => undefined);
    }
  };

  return {
    engineEdition: (spec) =>
      onMaster(spec, 'reading the engine edition', async (pool) => {
        const result = await pool
          .request()
          .query(ENGINE_EDITION_SQL)
          .catch((error: unknown) => {
            throw toSourceError(error, `reading the engine edition of ${spec.server}`);
          });
        const row = result.recordset[0] as { engineEdition?: unknown } | undefined;
        return Number(row?.engineEdition ?? 0);
      }),
    start: (spec, copy) =>
      onMaster(spec, `starting database copy [${copy}]`, async (pool, database) => {
        const existing = await pool
          .request()
          .query(`SELECT DB_ID(${unicodeLiteral(copy)}) AS id;`)
          .catch((error: unknown) => {
            throw toSourceError(error, `looking for database copy [${copy}]`);
          });
        const row = existing.recordset[0] as { id?: unknown } | undefined;
        // A retried start finds the copy it made (the name carries the run id).
        if (row?.id === null || row?.id === undefined) await startDatabaseCopy(pool, database, copy);
        return { sourceDatabase: database };
      }),
    status: (spec, copy) =>
      onMaster(spec, `reading database copy [${copy}]`, async (pool): Promise<DatabaseCopyState> => {
        const state = await copyStatus(pool, copy);
        if (state.state !== 'copying') return state;
        return state.percentComplete === undefined
          ? { state: 'copying' }
          : { state: 'copying', percent: state.percentComplete };
      }),
    drop: (spec, copy) =>
      onMaster(spec, `dropping database copy [${copy}]`, (pool) => dropDatabaseCopy(pool, copy)),
  };
}

function defaultConnector(
  options: SqlSourceSettings,
): (connectionString: string, identity?: SqlSourceSettings['identity']) => SqlConnector {
  return (connectionString, identity) => {
    const settings = parseConnectionString(connectionString);
    return createSqlConnector({
      settings,
      auth: chooseAuth(settings, identity),
      timeouts: {
        connectTimeoutMs: options.connectTimeoutSeconds * 1000,
        commandTimeoutMs:
          options.commandTimeoutSeconds > 0
            ? options.commandTimeoutSeconds * 1000
            : DEFAULT_TIMEOUTS.commandTimeoutMs,
      },
      retry: DEFAULT_RETRY_POLICY,
    });
  };
}
