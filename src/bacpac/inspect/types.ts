import type { ZipFamily } from './zip-family';

export interface InspectPart {
  /** The part name as stored in the ZIP. */
  readonly name: string;
  readonly segment: number;
  readonly subSegment: number;
  /** Rows decoded from the part; absent when rows were not counted or the part could not be decoded. */
  readonly rows?: number;
  readonly compressedSize: number;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** Why the rows could not be counted (the decoder's or ZIP reader's message). */
  readonly error?: string;
}

export interface InspectTable {
  readonly schema: string;
  readonly name: string;
  /** In segment order; empty for a table without rows. */
  readonly parts: readonly InspectPart[];
  /** Sum of the parts' rows; absent when any part's rows are unknown. */
  readonly rows?: number;
}

export interface InspectReport {
  /** The model's platform, the short form of DspName: `Sql150`, `SqlAzureV12`, ... */
  readonly provider: string;
  /** model.xml SchemaVersion. */
  readonly schemaVersion: string;
  /** Origin.xml ProductVersion: the DacFx version that wrote the package. */
  readonly productVersion: string;
  readonly productName: string;
  /** DacMetadata.xml Name. */
  readonly databaseName: string;
  /** Origin.xml ServerVersion: the source server's @@VERSION text. */
  readonly serverVersion: string;
  /** Origin.xml Operation/Start. */
  readonly exportStarted: string;
  readonly zipFamily: ZipFamily;
  readonly zip64: boolean;
  readonly entryCount: number;
  /** Origin.xml ExportStatistics, when present, as decimal strings. */
  readonly sourceDatabaseSizeKb?: string;
  readonly originRowTotal?: string;
  /** Every table of the model, in model order. */
  readonly tables: readonly InspectTable[];
  /** Origin.xml ObjectCounts as stored: element type (without `Sql`) to count. */
  readonly objectCounts: Readonly<Record<string, number>>;
  /** Rows decoded over all data parts (parts that could not be decoded count their rows as 0). */
  readonly rowTotal: number;
}

export interface InspectOptions {
  /** Decode every data part to count its rows (default true); false reads only the metadata. */
  readonly countRows?: boolean;
}
