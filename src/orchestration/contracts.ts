import type { Compression, ExportRequest, ExportTargetSpec } from '../api/export-request';
import type {
  DatabaseCopyRef,
  DatabaseCopyStatus,
  DropDatabaseCopyResult,
  StartDatabaseCopyInput,
  StartDatabaseCopyResult,
} from './copy-contracts';

/**
 * The activities of the export pipeline: their registered names and their JSON inputs and outputs.
 * Everything here crosses the durable history as JSON, so it stays small: schemas, plans and part
 * manifests live in staging blobs (see staging-layout.ts) and travel by blob name. Exact integers
 * (row counts) are decimal strings.
 *
 * An activity that fails throws an error whose message starts with `[CODE]` and names the object
 * concerned: only the message text reaches the orchestrator.
 */
export const ActivityNames = {
  planExport: 'planExport',
  exportPart: 'exportPart',
  assembleBacpac: 'assembleBacpac',
  cleanupStaging: 'cleanupStaging',
  /** `consistency: "copy"` only; contracts in copy-contracts.ts. */
  startDatabaseCopy: 'startDatabaseCopy',
  databaseCopyStatus: 'databaseCopyStatus',
  dropDatabaseCopy: 'dropDatabaseCopy',
} as const;

export type ActivityName = (typeof ActivityNames)[keyof typeof ActivityNames];

/** The summary lists tables (name and part range) only up to this many tables. */
export const PLAN_SUMMARY_MAX_TABLES = 500;

/**
 * planExport: reads the schema, plans parts for every exported table, writes the plan (schema model,
 * table list, PartSpecs in part-index order) to `<runId>/plan.json` in staging and returns a summary.
 * Parts are numbered 0..partsTotal-1, grouped by table in plan order.
 */
export interface PlanExportInput {
  readonly runId: string;
  readonly request: ExportRequest;
  /**
   * The name DacMetadata.xml records, when the request's source names a database copy
   * (`consistency: "copy"`): the original database's, not the copy's. Absent: the source's own name.
   */
  readonly databaseName?: string;
}

export interface PlanSummary {
  /** Staging blob name of the plan, `<runId>/plan.json`. */
  readonly planBlob: string;
  readonly tablesTotal: number;
  readonly partsTotal: number;
  readonly rowsEstimated: string;
  /** Part ranges per table; present only when tablesTotal <= PLAN_SUMMARY_MAX_TABLES. */
  readonly tables?: readonly PlanTableSummary[];
}

export interface PlanTableSummary {
  /** `schema.table` */
  readonly name: string;
  readonly firstPart: number;
  readonly partCount: number;
}

/**
 * exportPart: streams one part's rows into `<runId>/parts/NNNNN.bcp.deflate`, writes its manifest to
 * `<runId>/manifests/NNNNN.json`, and returns the manifest. It checks the cancel marker
 * (`<runId>/CANCELLED`) between chunks and stops with `[EXPORT_CANCELLED]` when present. Running it
 * again for the same part replaces the part's blobs (retries are safe). Its error messages name the
 * table and the part.
 */
export interface ExportPartInput {
  readonly runId: string;
  readonly planBlob: string;
  readonly partIndex: number;
  readonly compression: Compression;
}

export interface PartManifest {
  readonly partIndex: number;
  /** `schema.table` */
  readonly table: string;
  /** NNN of TableData-NNN-00000.BCP */
  readonly segment: number;
  /** Number of parts of this table in the plan. */
  readonly tablePartCount: number;
  readonly rows: string;
  /** Uncompressed BCP bytes. */
  readonly bytes: number;
  /** Bytes of the staged blob (the deflate stream, or the BCP itself when compression is none). */
  readonly compressedSize: number;
  /** CRC-32 of the uncompressed BCP bytes. */
  readonly crc32: number;
  /** Staging blob name of the part data (unused when `directBlocks` is set). */
  readonly blob: string;
  /**
   * Set when the part data was staged directly as uncommitted blocks of the target blob (not in
   * staging): how many blocks, numbered from 0 under the run's tag and this part's index.
   */
  readonly directBlocks?: number;
}

/**
 * assembleBacpac: builds the BACPAC from the plan and the part manifests, and commits it to the
 * target with If-None-Match: * unless overwrite. Right before committing it checks the cancel marker
 * and stops with `[EXPORT_CANCELLED]`. It must be safe to run again after a commit that succeeded but
 * whose reply was lost (the orchestrator retries it).
 */
export interface AssembleInput {
  readonly runId: string;
  readonly planBlob: string;
  readonly partsTotal: number;
  readonly target: ExportTargetSpec;
  readonly overwrite: boolean;
}

export interface AssembleResult {
  readonly blobUrl: string;
  readonly sizeBytes: number;
  readonly tables: number;
  readonly rows: string;
}

/**
 * cleanupStaging: deletes every staging blob under `<runId>/` and, given the run's target, drops the
 * uncommitted blocks the run's parts wrote into it when the archive was never committed. Deleting
 * nothing is not an error.
 */
export interface CleanupInput {
  readonly runId: string;
  readonly target?: ExportTargetSpec;
}

export interface CleanupResult {
  readonly deleted: number;
  /** Uncommitted blocks of the run dropped from the target. */
  readonly targetBlocksDiscarded?: number;
  /** Why blocks of the run were left on the target (the service drops them within a week). */
  readonly targetBlocksLeft?: string;
}

/** The implementations the Functions layer registers, one per activity name. */
export interface ActivityImplementations {
  planExport(input: PlanExportInput): Promise<PlanSummary>;
  exportPart(input: ExportPartInput): Promise<PartManifest>;
  assembleBacpac(input: AssembleInput): Promise<AssembleResult>;
  cleanupStaging(input: CleanupInput): Promise<CleanupResult>;
  startDatabaseCopy(input: StartDatabaseCopyInput): Promise<StartDatabaseCopyResult>;
  databaseCopyStatus(input: DatabaseCopyRef): Promise<DatabaseCopyStatus>;
  dropDatabaseCopy(input: DatabaseCopyRef): Promise<DropDatabaseCopyResult>;
}
