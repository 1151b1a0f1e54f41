import type { ExportSourceSpec } from '../api/export-request';

/**
 * Inputs and outputs of the database-copy activities (`consistency: "copy"`, Azure SQL Database
 * only). The copy lives on the same logical server as the source; every activity reaches it through
 * the server's master database.
 */

/** startDatabaseCopy: CREATE DATABASE <copy> AS COPY OF <source>; returns at once, seeding goes on. */
export interface StartDatabaseCopyInput {
  readonly runId: string;
  readonly source: ExportSourceSpec;
}

export interface StartDatabaseCopyResult {
  /** The copy's name (copyDatabaseName of the request's database and the run id). */
  readonly copyDatabase: string;
  /** The database that was copied: the name DacMetadata.xml records. */
  readonly sourceDatabase: string;
}

/** One database copy: the server (and credentials) of the request's source, and the copy's name. */
export interface DatabaseCopyRef {
  readonly source: ExportSourceSpec;
  readonly copyDatabase: string;
}

/** databaseCopyStatus: where the copy is. `failed` carries the server's reason. */
export interface DatabaseCopyStatus {
  readonly state: 'copying' | 'online' | 'failed';
  /** Seeding progress, 0-100, while copying (when the server reports it). */
  readonly percent?: number;
  readonly message?: string;
}

/** dropDatabaseCopy: drops the copy; a copy that does not exist (any more) is success. */
export interface DropDatabaseCopyResult {
  readonly copyDatabase: string;
}

/** How the orchestrator waits for a copy: polls on durable timers, growing from first to max. */
export interface CopyWaitSettings {
  readonly firstPollSeconds: number;
  readonly maxPollSeconds: number;
  /** The copy fails the export with [COPY_TIMEOUT] when not online after this long. */
  readonly maxWaitSeconds: number;
}

export const DEFAULT_COPY_WAIT: CopyWaitSettings = Object.freeze({
  firstPollSeconds: 30,
  maxPollSeconds: 120,
  maxWaitSeconds: 6 * 3600,
});

/** The wait before status poll number `poll` (0 for the first): doubling from first, capped at max. */
export function copyPollDelaySeconds(poll: number, settings: CopyWaitSettings): number {
  const doubled = settings.firstPollSeconds * 2 ** Math.min(poll, 30);
  return Math.min(settings.maxPollSeconds, doubled);
}
