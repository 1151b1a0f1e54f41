import type { ModelHeader } from '../model/types';
import { ORIGIN_PRODUCT } from './origin-product';
import { formatOriginStart } from './origin-start-time';
import { ORIGIN_END, ORIGIN_PACKAGE_PROPERTIES } from './origin-types';
import type { OriginInfo } from './origin-types';

/**
 * Builds the `Origin.xml` content this exporter writes, in the shape of a DacFx 162.5.57.1 export:
 * ExportStatistics present, no DataPhaseTables, ObjectCounts counted from the model, ModelSchemaVersion
 * equal to model.xml's SchemaVersion, and the product named in {@link ORIGIN_PRODUCT}.
 */
export interface OriginStatsInput {
  /** The root attributes of the model.xml written (its SchemaVersion becomes ModelSchemaVersion). */
  readonly header: ModelHeader;
  /**
   * Elements of each type in that model, from `countObjects` (keys without the `Sql` prefix). Taken
   * as counts rather than the model itself so the model need not be held in memory at assembly time.
   */
  readonly objectCounts: ReadonlyMap<string, number>;
  /** The source server's @@VERSION text, unchanged. */
  readonly serverVersion: string;
  /** Rows written to the data parts. */
  readonly tableRowCountTotal: bigint;
  /** Size of the source database in kilobytes. */
  readonly sourceDatabaseSize: bigint;
  /** SHA-256 of the stored model.xml bytes, hex in either case. */
  readonly modelChecksum: string;
  /** A GUID for this export, e.g. from the orchestration's deterministic GUID source. */
  readonly identity: string;
  readonly startedAt: Date;
  /** The exporting machine's UTC offset at `startedAt`, in minutes east of UTC. */
  readonly utcOffsetMinutes: number;
}

/** The OriginInfo for one export. */
export function buildOriginInfo(input: OriginStatsInput): OriginInfo {
  const objectCounts = [...input.objectCounts].map(([type, count]) => ({ type, count }));
  return {
    packageProperties: ORIGIN_PACKAGE_PROPERTIES,
    operation: {
      identity: input.identity.toLowerCase(),
      start: formatOriginStart(input.startedAt, input.utcOffsetMinutes),
      end: ORIGIN_END,
      ...ORIGIN_PRODUCT,
    },
    server: { serverVersion: input.serverVersion, objectCounts },
    exportStatistics: {
      sourceDatabaseSize: input.sourceDatabaseSize,
      tableRowCountTotal: input.tableRowCountTotal,
    },
    modelChecksum: input.modelChecksum.toUpperCase(),
    modelSchemaVersion: input.header.schemaVersion,
  };
}
