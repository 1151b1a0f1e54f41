import type { Readable } from 'node:stream';
import type { BcpColumn } from '../bacpac/bcp/types';
import type { DatabaseModel } from '../bacpac/model/types';

/**
 * The contract every export source satisfies: the SQL Server source, the BACPAC-file source (which
 * re-exports an existing BACPAC) and the synthetic demo source. The pipeline plans and exports through
 * this interface only, so it runs the same way whatever the source is.
 *
 * Everything a source returns from `readSchema` and `planParts` is plain JSON-serialisable data:
 * plans travel through durable orchestration state and staging blobs.
 */
export interface ExportSource {
  /** Reads the schema model and the list of tables whose rows will be exported. */
  readSchema(options?: ReadSchemaOptions): Promise<SourceSchema>;
  /** Splits one table into parts (key ranges); a small table is one part with segment 0. */
  planParts(table: SourceTable, options: PlanOptions): Promise<PartSpec[]>;
  /**
   * Streams the rows of one part in key order as BcpRow arrays (object mode), with backpressure.
   * Destroying the stream, or aborting `signal`, stops the underlying query.
   */
  openRows(part: PartSpec, options?: OpenRowsOptions): Readable;
  /** Releases connections and files. */
  close(): Promise<void>;
}

export interface ReadSchemaOptions {
  /** `schema.table` names to export; all tables when absent. The model still describes the whole database. */
  readonly tables?: readonly string[];
}

export interface SourceSchema {
  readonly model: DatabaseModel;
  readonly tables: readonly SourceTable[];
  /** Database name, written to DacMetadata.xml. */
  readonly databaseName: string;
  /** The source server's @@VERSION text, written to Origin.xml. */
  readonly serverVersion: string;
  /** Size of the source database in kilobytes, as a decimal string (Origin.xml SourceDatabaseSize). */
  readonly databaseSizeKb?: string;
  /** Pre-flight findings: objects that need care, or that were skipped. */
  readonly findings: readonly SourceFinding[];
  /** Whether the rows will be read from one transactionally consistent view of the database. */
  readonly consistent?: boolean;
}

export interface SourceTable {
  readonly schema: string;
  readonly name: string;
  /** The columns that appear in the BCP data, in model order (computed columns left out). */
  readonly columns: readonly BcpColumn[];
  /** Estimated rows and bytes, as decimal strings (exact integers never pass through a JS number). */
  readonly estimatedRows: string;
  readonly estimatedBytes: string;
}

export interface PlanOptions {
  /** Tables with more estimated rows than this are split into key ranges. */
  readonly splitRowThreshold: number;
  /** Upper bound on the number of parts for one table. */
  readonly maxPartsPerTable?: number;
}

export interface PartSpec {
  readonly schema: string;
  readonly table: string;
  /** The NNN of TableData-NNN-00000.BCP: key-range segment, ascending with the key. */
  readonly segment: number;
  /** Estimated rows in this part, as a decimal string. */
  readonly estimatedRows: string;
  /** Source-specific description of the part's key range (JSON-serialisable); absent for a whole table. */
  readonly range?: unknown;
}

export interface OpenRowsOptions {
  readonly signal?: AbortSignal;
}

export interface SourceFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The object concerned, e.g. `[dbo].[Orders]`. */
  readonly object: string;
  readonly message: string;
}
