import type { SqlPool } from '../connection/connector';
import { MssqlSourceError, toSourceError } from '../errors';
import { quoteName, unicodeLiteral } from '../quote';

/**
 * Azure SQL Database copies for a transactionally consistent export: CREATE DATABASE ... AS COPY
 * OF returns at once and the copy is seeded in the background; the orchestrator polls
 * `copyStatus` with durable timers, exports the copy, then drops it. Each function runs on a
 * connection to the logical server's master database.
 */
export async function startDatabaseCopy(master: SqlPool, source: string, copy: string): Promise<void> {
  try {
    await master.request().batch(`CREATE DATABASE ${quoteName(copy)} AS COPY OF ${quoteName(source)};`);
  } catch (error) {
    throw toSourceError(error, `starting the copy of [${source}] as [${copy}]`);
  }
}

export type CopyState =
  | { readonly state: 'copying'; readonly percentComplete?: number }
  | { readonly state: 'online' }
  | { readonly state: 'failed'; readonly message: string };

export async function copyStatus(master: SqlPool, copy: string): Promise<CopyState> {
  const result = await master
    .request()
    .query(
      `SELECT d.state_desc AS stateDesc, c.percent_complete AS percent, c.error_desc AS errorDesc
       FROM sys.databases AS d LEFT JOIN sys.dm_database_copies AS c ON c.database_id = d.database_id
       WHERE d.name = ${unicodeLiteral(copy)};`,
    )
    .catch((error: unknown) => {
      throw toSourceError(error, `reading the state of copy [${copy}]`);
    });
  const row = result.recordset[0] as
    { stateDesc: string | null; percent: number | null; errorDesc: string | null } | undefined;
  if (row === undefined) return { state: 'failed', message: `database [${copy}] does not exist` };
  if (row.errorDesc !== null) return { state: 'failed', message: row.errorDesc };
  if (row.stateDesc === 'ONLINE') return { state: 'online' };
  if (row.stateDesc === 'COPYING' || row.stateDesc === 'RESTORING') {
    return row.percent !== null ? { state: 'copying', percentComplete: row.percent } : { state: 'copying' };
  }
  return { state: 'failed', message: `database [${copy}] is ${row.stateDesc ?? 'in an unknown state'}` };
}

export async function dropDatabaseCopy(master: SqlPool, copy: string): Promise<void> {
  if (!/_copy|copy_|bacpac/i.test(copy)) {
    throw new MssqlSourceError(
      'SQL_CONFIG',
      `refusing to drop [${copy}]: not a name this exporter gives its copies`,
    );
  }
  try {
    await master
      .request()
      .batch(`IF DB_ID(${unicodeLiteral(copy)}) IS NOT NULL DROP DATABASE ${quoteName(copy)};`);
  } catch (error) {
    throw toSourceError(error, `dropping copy [${copy}]`);
  }
}
