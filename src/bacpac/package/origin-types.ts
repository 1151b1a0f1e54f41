/**
 * The content of `Origin.xml`, field for field, in document order. Values are the text as written, except
 * that line breaks inside `serverVersion` are LF (the writer turns them into the file's line ending) and
 * the export statistics are bigint. Object counts are element counts of an in-memory model, so they are
 * plain numbers.
 */
export interface OriginInfo {
  readonly packageProperties: OriginPackageProperties;
  readonly operation: OriginOperation;
  readonly server: OriginServer;
  /** Absent in some real exports (Azure 162.0 and 15.0.4745.1 from Linux). */
  readonly exportStatistics?: OriginExportStatistics;
  /** SHA-256 of the stored model.xml bytes as 64 hex digits (written in uppercase). */
  readonly modelChecksum: string;
  /** Equal to the SchemaVersion attribute of model.xml's root. */
  readonly modelSchemaVersion: string;
  /** `schema.table` of every table whose data phase ran, zero-row tables included; only newer Family F. */
  readonly dataPhaseTables?: readonly string[];
}

export interface OriginPackageProperties {
  readonly version: string;
  readonly containsExportedData: boolean;
  /** `StreamVersions/Version` elements, in order. */
  readonly streamVersions: readonly { readonly streamName: string; readonly version: string }[];
}

export interface OriginOperation {
  /** A GUID, lowercase with hyphens. */
  readonly identity: string;
  /** Local start time with 7 decimals and UTC offset, e.g. `2025-07-27T13:26:08.2445235+05:30`. */
  readonly start: string;
  readonly end: string;
  readonly productName: string;
  readonly productVersion: string;
  readonly productSchema: string;
}

export interface OriginServer {
  /** The source server's @@VERSION text, line breaks as LF. */
  readonly serverVersion: string;
  /** One entry per model element type (name without the `Sql` prefix) with a non-zero count. */
  readonly objectCounts: readonly ObjectCount[];
}

export interface ObjectCount {
  readonly type: string;
  readonly count: number;
}

export interface OriginExportStatistics {
  /** Apparently kilobytes of the source database (unit unconfirmed). */
  readonly sourceDatabaseSize: bigint;
  /** Informational total of exported rows. */
  readonly tableRowCountTotal: bigint;
}

/** The package properties every real export carries. */
export const ORIGIN_PACKAGE_PROPERTIES: OriginPackageProperties = Object.freeze({
  version: '3.1.0.0',
  containsExportedData: true,
  streamVersions: Object.freeze([
    Object.freeze({ streamName: 'Data', version: '2.0.0.0' }),
    Object.freeze({ streamName: 'DeploymentContributors', version: '1.0.0.0' }),
  ]),
});

/** `Operation/End` in every real export. */
export const ORIGIN_END = '0001-01-01T00:00:00.0000000';
