import { bcpColumnsOf, tablesOf } from '../model';
import { openBacpac, scanBcpPart, type BacpacPackage, type DataPart } from '../reader';
import type { RandomAccessSource } from '../zip';
import type { InspectOptions, InspectPart, InspectReport, InspectTable } from './types';
import { guessZipFamily } from './zip-family';

async function describePart(pkg: BacpacPackage, part: DataPart, countRows: boolean): Promise<InspectPart> {
  const base = {
    name: part.partName,
    segment: part.segment,
    subSegment: part.subSegment,
    compressedSize: part.entry.compressedSize,
    size: part.entry.uncompressedSize,
  };
  if (!countRows) return base;
  try {
    const model = await pkg.readModel();
    const { rows } = await scanBcpPart(pkg.openDataPart(part), {
      part: part.partName,
      table: `${part.schema}.${part.table}`,
      columns: bcpColumnsOf(model, { schema: part.schema, name: part.table }),
      size: part.entry.uncompressedSize,
    });
    return { ...base, rows };
  } catch (error) {
    return { ...base, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Describes a BACPAC: provider, versions, database and server, ZIP writer family, each table with its
 * data parts and their row counts, and the stored object counts. BACPACs record no per-table row
 * counts, so rows are counted by decoding each part (streamed). Fails when a metadata part or the model
 * cannot be read, or when a data part names no table of the model; a data part that cannot be decoded
 * is reported on the part instead. The source is not closed.
 */
export async function inspectBacpac(
  source: RandomAccessSource,
  options: InspectOptions = {},
): Promise<InspectReport> {
  const pkg = await openBacpac({ size: source.size, read: (offset, length) => source.read(offset, length) });
  const [model, origin, metadata] = await Promise.all([pkg.readModel(), pkg.origin(), pkg.dacMetadata()]);
  const dataParts = await pkg.dataParts();
  const countRows = options.countRows ?? true;
  const byTable = new Map<string, InspectPart[]>();
  let rowTotal = 0;
  for (const part of dataParts) {
    const described = await describePart(pkg, part, countRows);
    rowTotal += described.rows ?? 0;
    const key = `${part.schema}.${part.table}`;
    byTable.set(key, [...(byTable.get(key) ?? []), described]);
  }
  const tables: InspectTable[] = tablesOf(model).map((t) => {
    const parts = (byTable.get(`${t.schema}.${t.name}`) ?? []).sort(
      (a, b) => a.segment - b.segment || a.subSegment - b.subSegment,
    );
    const known = parts.every((p) => p.rows !== undefined);
    return {
      schema: t.schema,
      name: t.name,
      parts,
      ...(known ? { rows: parts.reduce((n, p) => n + (p.rows ?? 0), 0) } : {}),
    };
  });
  const stats = origin.exportStatistics;
  return {
    provider: model.header.platform,
    schemaVersion: model.header.schemaVersion,
    productVersion: origin.operation.productVersion,
    productName: origin.operation.productName,
    databaseName: metadata.name,
    serverVersion: origin.server.serverVersion,
    exportStarted: origin.operation.start,
    zipFamily: guessZipFamily(pkg.entries),
    zip64: pkg.zip.zip64,
    entryCount: pkg.entries.length,
    ...(stats === undefined
      ? {}
      : {
          sourceDatabaseSizeKb: String(stats.sourceDatabaseSize),
          originRowTotal: String(stats.tableRowCountTotal),
        }),
    tables,
    objectCounts: Object.fromEntries(origin.server.objectCounts.map((c) => [c.type, c.count])),
    rowTotal,
  };
}
