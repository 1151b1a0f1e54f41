import type { Consistency } from '../api/export-request';

/**
 * What an export reports about itself: the orchestration's custom status (kept well under the 16 KB
 * limit: a handful of counters and timestamps) and its result. The HTTP status document is built
 * from these.
 */

export type ExportPhase = 'planning' | 'exporting' | 'assembling' | 'committing' | 'cleaning-up' | 'done';

export interface ExportProgress {
  readonly tablesTotal: number;
  readonly tablesDone: number;
  readonly partsTotal: number;
  readonly partsDone: number;
  /** Decimal string: exact row counts never pass through a JS number. */
  readonly rowsExported: string;
  readonly rowsEstimated: string;
  /** Bytes written to staging so far (compressed part data). */
  readonly bytesWritten: number;
  /** 0-100: planning 0, exporting up to 90 by parts done, assembling 95, done 100. */
  readonly percent: number;
}

/** ISO 8601 instants taken from the orchestration clock (context.df.currentUtcDateTime). */
export interface ExportTimings {
  readonly startedAt: string;
  readonly plannedAt?: string;
  readonly exportedAt?: string;
  readonly assembledAt?: string;
  readonly finishedAt?: string;
}

export interface ExportErrorInfo {
  readonly code: string;
  readonly message: string;
  /** `schema.table`, when the failure concerns one table. */
  readonly table?: string;
  /** Part index, when the failure concerns one data part. */
  readonly part?: number;
}

export interface ActiveBatch {
  /** Instance id of the running batch sub-orchestration (its custom status has live progress). */
  readonly instanceId: string;
  readonly index: number;
  readonly count: number;
}

/** Where the database copy of a `consistency: "copy"` run is. */
export type CopyState = 'starting' | 'copying' | 'online' | 'dropped' | 'drop-failed';

/**
 * The consistency the request chose and whether the rows come from one transactionally consistent
 * view: true only once the export reads an Azure SQL Database copy that is online (`snapshot`
 * isolates each part on its own, not the parts from each other).
 */
export interface ExportConsistency {
  readonly mode: Consistency;
  readonly consistent: boolean;
  /** The copy's name, from the moment it is started. */
  readonly copyDatabase?: string;
  readonly copyState?: CopyState;
  /** Seeding progress of the copy, 0-100, while copying. */
  readonly copyPercent?: number;
  /** Why dropping the copy failed: the copy is left on the server and costs until dropped. */
  readonly copyDropError?: string;
}

export interface ExportCustomStatus {
  readonly runId: string;
  /**
   * The blob the export writes (`targetKey`), so that a second export to it is refused while this
   * one runs. Set by the export orchestration (batch sub-orchestrations leave it out).
   */
  readonly target?: string;
  readonly phase: ExportPhase;
  readonly progress: ExportProgress;
  readonly timings: ExportTimings;
  /** Set by the export orchestration (batch sub-orchestrations leave it out). */
  readonly consistency?: ExportConsistency;
  readonly batch?: ActiveBatch;
  readonly error?: ExportErrorInfo;
}

/** The orchestration output of a successful export. */
export interface ExportResult {
  readonly blobUrl: string;
  readonly sizeBytes: number;
  readonly tables: number;
  readonly rows: string;
  /** Whether the rows come from one transactionally consistent view (a database copy). */
  readonly consistent: boolean;
}

/**
 * The identity of a target blob across requests: the account URL in lower case (host names are not
 * case-sensitive), then the container and the blob name as given (blob names are).
 */
export function targetKey(target: {
  readonly accountUrl: string;
  readonly container: string;
  readonly blobName: string;
}): string {
  return `${target.accountUrl.replace(/\/+$/, '').toLowerCase()}/${target.container}/${target.blobName}`;
}
