/**
 * What `verifyBacpac` reports. A problem of severity 'error' makes the package invalid; a warning is
 * something real exports also show (e.g. a row total that disagrees) or that the importer tolerates.
 */
export const VerifyCode = {
  /** The ZIP structure or an entry's data is damaged (truncated archive, bad CRC, bad deflate data...). */
  Zip: 'VERIFY_ZIP',
  /** A required part is absent: [Content_Types].xml, Origin.xml, DacMetadata.xml, model.xml, or _rels/.rels with data. */
  MissingPart: 'VERIFY_MISSING_PART',
  /** Two entries have the same part name (compared without case). */
  DuplicateEntry: 'VERIFY_DUPLICATE_ENTRY',
  /** A metadata part (Origin.xml, DacMetadata.xml, [Content_Types].xml, _rels/.rels) cannot be read. */
  BadPart: 'VERIFY_BAD_PART',
  /** model.xml cannot be read into the model, or a table's columns cannot be derived from it. */
  Model: 'VERIFY_MODEL',
  /** The SHA-256 of model.xml differs from the checksum in Origin.xml. */
  ChecksumMismatch: 'VERIFY_CHECKSUM_MISMATCH',
  /** Origin.xml ModelSchemaVersion differs from model.xml SchemaVersion (warning). */
  SchemaVersionMismatch: 'VERIFY_SCHEMA_VERSION_MISMATCH',
  /** A data part's folder names no table of the model: the importer would skip its rows. */
  UnknownTable: 'VERIFY_UNKNOWN_TABLE',
  /** A BCP part ends inside a row. */
  BcpTruncated: 'VERIFY_BCP_TRUNCATED',
  /** A BCP part has bytes after its last row that are not a row. */
  BcpTrailingBytes: 'VERIFY_BCP_TRAILING_BYTES',
  /** A BCP part holds a field that cannot be decoded. */
  BcpInvalid: 'VERIFY_BCP_INVALID',
  /** A data part lacks its `table=`/`schema=` relationship pair in _rels/.rels. */
  UnrelatedPart: 'VERIFY_UNRELATED_PART',
  /** A relationship names another table than the one the part's folder holds. */
  RelationshipMismatch: 'VERIFY_RELATIONSHIP_MISMATCH',
  /** A relationship points at a part that is not in the package. */
  DanglingRelationship: 'VERIFY_DANGLING_RELATIONSHIP',
  /** [Content_Types].xml gives no content type for a part's extension. */
  ContentTypeMissing: 'VERIFY_CONTENT_TYPE_MISSING',
  /** Origin.xml TableRowCountTotalTag differs from the decoded total (warning: real exports disagree too). */
  RowTotalMismatch: 'VERIFY_ROW_TOTAL_MISMATCH',
  /** An entry that is no BACPAC part (warning). */
  UnknownPart: 'VERIFY_UNKNOWN_PART',
  /** The table data was not checked because the model could not be read (warning). */
  DataNotChecked: 'VERIFY_DATA_NOT_CHECKED',
  /** model.xml holds element types or parts this tool does not model: kept as read, not checked. */
  ModelUnmodelled: 'VERIFY_MODEL_UNMODELLED',
} as const;

export type VerifyCode = (typeof VerifyCode)[keyof typeof VerifyCode];

export interface VerifyProblem {
  readonly code: VerifyCode;
  readonly severity: 'error' | 'warning';
  /** The part (ZIP entry name) concerned, when there is one. */
  readonly part?: string;
  /** `schema.table` concerned, when there is one. */
  readonly table?: string;
  /** Names the part or table, and says what was expected and what was found. */
  readonly message: string;
}

export interface VerifyPart {
  readonly name: string;
  readonly segment: number;
  readonly subSegment: number;
  /** Rows decoded; for a part that failed, the rows decoded before the failure. */
  readonly rows: number;
  /** Uncompressed size in bytes. */
  readonly bytes: number;
  readonly ok: boolean;
}

export interface VerifyTable {
  readonly schema: string;
  readonly name: string;
  readonly parts: readonly VerifyPart[];
  readonly rows: number;
}

export interface VerifyReport {
  /** True when no problem has severity 'error'. */
  readonly ok: boolean;
  readonly problems: readonly VerifyProblem[];
  /** Every table of the model, in model order, with its data parts in segment order. */
  readonly tables: readonly VerifyTable[];
  /** Rows decoded over all data parts. */
  readonly rowsTotal: number;
  /** Origin.xml TableRowCountTotalTag, when present, as a decimal string. */
  readonly originRowTotal?: string;
  /** Whether model.xml's SHA-256 equals the Origin.xml checksum; undefined when either is unavailable. */
  readonly modelChecksumOk?: boolean;
  readonly modelChecksum?: { readonly stored?: string; readonly computed?: string };
  readonly entryCount: number;
  readonly dataPartCount: number;
}

export interface VerifyProgress {
  readonly phase: 'metadata' | 'model' | 'data' | 'done';
  /** The data part being checked (phase 'data'). */
  readonly part?: string;
  readonly partsDone: number;
  readonly partsTotal: number;
  readonly rows: number;
}

export interface VerifyOptions {
  readonly onProgress?: (progress: VerifyProgress) => void;
}
