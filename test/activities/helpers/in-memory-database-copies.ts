/**
 * An in-memory implementation of OUR DatabaseCopyOps interface (src/activities/database-copy-ops.ts),
 * not an imitation of SQL Server: no server exists on this machine, and what the tests check is how
 * the activities, the orchestrator and the in-process runner drive that interface. The T-SQL behind
 * the real implementation (src/source/mssql/consistency/database-copy.ts) is covered by the live
 * tests gated by MSSQL_TEST_URL.
 *
 * A copy is a small state machine: started -> `copying` for `pollsUntilOnline` status calls (with a
 * percent) -> `online`, or `failed` when `failWith` is set. Every call is recorded in `calls`.
 */
import type { ExportSourceSpec } from '../../../src/api/export-request';
import type { DatabaseCopyOps, DatabaseCopyState } from '../../../src/activities';

export interface InMemoryCopiesOptions {
  /** SERVERPROPERTY('EngineEdition') the server reports (5: Azure SQL Database). */
  readonly engineEdition?: number;
  readonly pollsUntilOnline?: number;
  /** Makes every copy fail with this reason at its first status call. */
  readonly failWith?: string;
  /** Makes drop throw this error. */
  readonly dropError?: string;
}

export interface InMemoryCopies extends DatabaseCopyOps {
  readonly calls: string[];
  /** Copies that exist now, by name: the database they copy and the status calls so far. */
  readonly copies: Map<string, { readonly of: string; polls: number }>;
}

export function inMemoryDatabaseCopies(options: InMemoryCopiesOptions = {}): InMemoryCopies {
  const calls: string[] = [];
  const copies = new Map<string, { readonly of: string; polls: number }>();
  const pollsUntilOnline = options.pollsUntilOnline ?? 2;
  return {
    calls,
    copies,
    engineEdition(source: ExportSourceSpec) {
      calls.push(`engineEdition ${source.server}`);
      return Promise.resolve(options.engineEdition ?? 5);
    },
    start(source: ExportSourceSpec, copyDatabase: string) {
      calls.push(`start ${source.database} -> ${copyDatabase}`);
      if (!copies.has(copyDatabase)) copies.set(copyDatabase, { of: source.database, polls: 0 });
      return Promise.resolve({ sourceDatabase: source.database });
    },
    status(_source: ExportSourceSpec, copyDatabase: string): Promise<DatabaseCopyState> {
      calls.push(`status ${copyDatabase}`);
      const copy = copies.get(copyDatabase);
      if (copy === undefined) {
        return Promise.resolve({ state: 'failed', message: `database [${copyDatabase}] does not exist` });
      }
      copy.polls += 1;
      if (options.failWith !== undefined)
        return Promise.resolve({ state: 'failed', message: options.failWith });
      if (copy.polls > pollsUntilOnline) return Promise.resolve({ state: 'online' });
      return Promise.resolve({
        state: 'copying',
        percent: Math.floor((100 * copy.polls) / (pollsUntilOnline + 1)),
      });
    },
    drop(_source: ExportSourceSpec, copyDatabase: string) {
      calls.push(`drop ${copyDatabase}`);
      if (options.dropError !== undefined) return Promise.reject(new Error(options.dropError));
      copies.delete(copyDatabase);
      return Promise.resolve();
    },
  };
}
