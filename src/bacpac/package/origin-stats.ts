import { BacpacError } from '../errors';
import type { DatabaseModel } from '../model/types';
import { ORIGIN_PRODUCT } from './origin-product';
import { formatOriginStart } from './origin-start-time';
import { ORIGIN_END, ORIGIN_PACKAGE_PROPERTIES } from './origin-types';
import type { ObjectCount, OriginInfo } from './origin-types';

/**
 * Builds the `Origin.xml` content this exporter writes, in the shape of a DacFx 162.5.57.1 export:
 * ExportStatistics present, no DataPhaseTables, ModelSchemaVersion equal to model.xml's SchemaVersion,
 * and the product named in {@link ORIGIN_PRODUCT}. Object counts are keyed by model element type, with
 * or without the `Sql` prefix; the types real files never count are dropped, and DatabaseOptions is
 * always 1 because a model has exactly one.
 */
export interface OriginStatsInput {
  readonly model: Pick<DatabaseModel, 'header'>;
  /** Number of elements of each type anywhere in the model (`SqlTable` or `Table` -> count). */
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

/** Element types that are never counted in `ObjectCounts` (without their `Sql` prefix). */
export const UNCOUNTED_ELEMENT_TYPES: ReadonlySet<string> = new Set([
  'TypeSpecifier',
  'XmlTypeSpecifier',
  'IndexedColumnSpecification',
  'DynamicColumnSource',
]);

function originObjectCounts(counts: ReadonlyMap<string, number>): ObjectCount[] {
  const byType = new Map<string, number>();
  for (const [elementType, count] of counts) {
    const type = elementType.startsWith('Sql') ? elementType.slice(3) : elementType;
    if (UNCOUNTED_ELEMENT_TYPES.has(type) || count === 0) continue;
    if (byType.has(type)) {
      throw new BacpacError(
        'ORIGIN_FIELD_INVALID',
        `Origin.xml ObjectCounts: element type ${type} is counted twice`,
      );
    }
    byType.set(type, count);
  }
  byType.set('DatabaseOptions', 1);
  return [...byType].map(([type, count]) => ({ type, count }));
}

/** The OriginInfo for one export. */
export function buildOriginInfo(input: OriginStatsInput): OriginInfo {
  return {
    packageProperties: ORIGIN_PACKAGE_PROPERTIES,
    operation: {
      identity: input.identity.toLowerCase(),
      start: formatOriginStart(input.startedAt, input.utcOffsetMinutes),
      end: ORIGIN_END,
      ...ORIGIN_PRODUCT,
    },
    server: { serverVersion: input.serverVersion, objectCounts: originObjectCounts(input.objectCounts) },
    exportStatistics: {
      sourceDatabaseSize: input.sourceDatabaseSize,
      tableRowCountTotal: input.tableRowCountTotal,
    },
    modelChecksum: input.modelChecksum.toUpperCase(),
    modelSchemaVersion: input.model.header.schemaVersion,
  };
}
