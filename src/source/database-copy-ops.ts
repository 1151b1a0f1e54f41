import type { ExportSourceSpec } from '../api/export-request';

/** Where a database copy is, as the server reports it. */
export type DatabaseCopyState =
  | { readonly state: 'copying'; readonly percent?: number }
  | { readonly state: 'online' }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Database copies on the source's server, for `consistency: "copy"`. Inside the Functions host and
 * the CLI these run T-SQL on the logical server's master database (sql-database-copies.ts);
 * tests pass an in-memory implementation of this interface.
 */
export interface DatabaseCopyOps {
  /** SERVERPROPERTY('EngineEdition') of the source's server (5 is Azure SQL Database). */
  engineEdition(source: ExportSourceSpec): Promise<number>;
  /**
   * Starts `CREATE DATABASE <copy> AS COPY OF <source database>` and returns the name of the
   * database being copied. Starting a copy that already exists (a retried call) leaves it alone.
   */
  start(source: ExportSourceSpec, copyDatabase: string): Promise<{ readonly sourceDatabase: string }>;
  status(source: ExportSourceSpec, copyDatabase: string): Promise<DatabaseCopyState>;
  /** Drops the copy; a copy that does not exist is not an error. */
  drop(source: ExportSourceSpec, copyDatabase: string): Promise<void>;
}
