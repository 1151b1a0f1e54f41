/**
 * The one definition of a validated export request. The HTTP API produces it from a request body
 * (src/api/parse-export-request.ts), the CLI builds the same shape, and the orchestrator and the
 * activities receive it unchanged in their inputs.
 *
 * It never carries a secret: SQL credentials are named by an app setting (`connectionSetting`) or come
 * from the app's managed identity, because orchestration inputs are stored in plain text in the
 * durable history.
 */

export type SourceAuthentication = 'managed-identity' | 'connection-setting';
export type Compression = 'normal' | 'fast' | 'none';
export type Consistency = 'none' | 'snapshot' | 'copy';

export interface ExportSourceSpec {
  /** SQL server host name, e.g. `myserver.database.windows.net` (optionally `host,port`). */
  readonly server: string;
  readonly database: string;
  readonly authentication: SourceAuthentication;
  /** Name of the app setting holding the connection string; present exactly when authentication is connection-setting. */
  readonly connectionSetting?: string;
}

export interface ExportTargetSpec {
  /** Blob service URL of the target account without a trailing slash ("default" already resolved). */
  readonly accountUrl: string;
  readonly container: string;
  readonly blobName: string;
}

export interface ExportOptions {
  /** `schema.table` names to export; every table when absent. */
  readonly tables?: readonly string[];
  /** Data parts exported at once. */
  readonly maxParallelism: number;
  /** Tables with more estimated rows than this are split into key-range parts. */
  readonly splitRowThreshold: number;
  readonly compression: Compression;
  /** Replace an existing target blob. */
  readonly overwrite: boolean;
  readonly consistency: Consistency;
}

export interface ExportRequest {
  readonly source: ExportSourceSpec;
  readonly target: ExportTargetSpec;
  readonly options: ExportOptions;
}

export const COMPRESSIONS: readonly Compression[] = ['normal', 'fast', 'none'];
export const CONSISTENCIES: readonly Consistency[] = ['none', 'snapshot', 'copy'];
export const AUTHENTICATIONS: readonly SourceAuthentication[] = ['managed-identity', 'connection-setting'];
