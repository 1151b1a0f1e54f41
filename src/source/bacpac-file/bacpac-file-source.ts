import { bcpColumnsOf, tablesOf, type DatabaseModel, type TableRef } from '../../bacpac/model';
import { openBacpac, type BacpacPackage, type DataPart } from '../../bacpac/reader';
import type { BcpColumn } from '../../bacpac/bcp';
import { fileSource, type RandomAccessSource } from '../../bacpac/zip';
import type {
  ExportSource,
  OpenRowsOptions,
  PartSpec,
  ReadSchemaOptions,
  SourceSchema,
  SourceTable,
} from '../types';
import { BacpacFileSourceError } from './errors';
import { estimatedRowBytes, estimateRows } from './estimate';
import { rangeOf, type BacpacFilePartRange } from './part-range';
import { openPartRows } from './row-stream';

/**
 * TEST FACILITY, not for production use: makes `openRows` fail with BACPAC_SOURCE_INJECTED_FAILURE
 * after `afterRows` rows of the part of `table` (`schema.table`) with this `segment`, so the export
 * pipeline's failure paths can be tested end to end. The source produces exactly `afterRows` rows
 * and then errors; the consumer may receive fewer, since a stream that errors drops the rows it had
 * buffered (up to 16), as it would on a real read failure.
 */
export interface FailOnPart {
  readonly table: string;
  readonly segment: number;
  readonly afterRows: number;
}

export interface BacpacFileSourceOptions {
  /** Test facility only: see {@link FailOnPart}. */
  readonly failOnPart?: FailOnPart;
}

interface Opened {
  readonly pkg: BacpacPackage;
  readonly model: DatabaseModel;
  readonly tables: readonly TableRef[];
  readonly partsByTable: ReadonlyMap<string, readonly DataPart[]>;
  readonly columns: Map<string, readonly BcpColumn[]>;
}

const keyOf = (schema: string, name: string): string => `${schema}.${name}`;

/**
 * An export source that replays an existing BACPAC: its model, its tables and, for each table, its
 * data parts with their original segment numbers, so re-exporting reproduces the same part names.
 * Given a path, the source opens the file and closes it in `close()`; a RandomAccessSource passed in
 * stays the caller's to close. The package is opened on first use.
 */
export function createBacpacFileSource(
  file: string | RandomAccessSource,
  options: BacpacFileSourceOptions = {},
): ExportSource {
  let opening: Promise<Opened> | undefined;
  const open = (): Promise<Opened> =>
    (opening ??= (async () => {
      const source =
        typeof file === 'string'
          ? await fileSource(file)
          : { size: file.size, read: (offset: number, length: number) => file.read(offset, length) };
      const pkg = await openBacpac(source).catch(async (error: unknown) => {
        await source.close?.();
        throw error;
      });
      try {
        const model = await pkg.readModel();
        const partsByTable = new Map<string, DataPart[]>();
        for (const part of await pkg.dataParts()) {
          const key = keyOf(part.schema, part.table);
          partsByTable.set(key, [...(partsByTable.get(key) ?? []), part]);
        }
        for (const parts of partsByTable.values()) {
          parts.sort((a, b) => a.segment - b.segment || a.subSegment - b.subSegment);
        }
        return { pkg, model, tables: tablesOf(model), partsByTable, columns: new Map() };
      } catch (error) {
        await pkg.close();
        throw error;
      }
    })());

  const columnsOf = (opened: Opened, schema: string, name: string): readonly BcpColumn[] => {
    const key = keyOf(schema, name);
    let columns = opened.columns.get(key);
    if (columns === undefined) {
      columns = bcpColumnsOf(opened.model, { schema, name });
      opened.columns.set(key, columns);
    }
    return columns;
  };

  const describe = (opened: Opened, table: TableRef): SourceTable => {
    const columns = columnsOf(opened, table.schema, table.name);
    const bytes = (opened.partsByTable.get(keyOf(table.schema, table.name)) ?? []).reduce(
      (n, p) => n + p.entry.uncompressedSize,
      0,
    );
    return {
      schema: table.schema,
      name: table.name,
      columns,
      estimatedRows: estimateRows(bytes, estimatedRowBytes(columns)),
      estimatedBytes: String(bytes),
    };
  };

  return {
    async readSchema(schemaOptions: ReadSchemaOptions = {}): Promise<SourceSchema> {
      const opened = await open();
      const [origin, metadata] = await Promise.all([opened.pkg.origin(), opened.pkg.dacMetadata()]);
      let tables = opened.tables;
      if (schemaOptions.tables !== undefined) {
        const known = new Map(tables.map((t) => [keyOf(t.schema, t.name), t]));
        tables = schemaOptions.tables.map((name) => {
          const table = known.get(name);
          if (table === undefined) {
            throw new BacpacFileSourceError(
              'BACPAC_SOURCE_TABLE_NOT_FOUND',
              `table ${name}: expected a table of the package's model (schema.table), found none`,
              { table: name },
            );
          }
          return table;
        });
      }
      const size = origin.exportStatistics?.sourceDatabaseSize;
      return {
        model: opened.model,
        tables: tables.map((t) => describe(opened, t)),
        databaseName: metadata.name,
        serverVersion: origin.server.serverVersion,
        ...(size === undefined ? {} : { databaseSizeKb: String(size) }),
        findings: [],
        consistent: true,
      };
    },

    async planParts(table): Promise<PartSpec[]> {
      const opened = await open();
      const parts = opened.partsByTable.get(keyOf(table.schema, table.name)) ?? [];
      if (parts.length === 0) {
        const range: BacpacFilePartRange = { entry: null, subSegment: 0 };
        return [{ schema: table.schema, table: table.name, segment: 0, estimatedRows: '0', range }];
      }
      const rowBytes = estimatedRowBytes(columnsOf(opened, table.schema, table.name));
      return parts.map((part) => {
        const range: BacpacFilePartRange = { entry: part.partName, subSegment: part.subSegment };
        return {
          schema: table.schema,
          table: table.name,
          segment: part.segment,
          estimatedRows: estimateRows(part.entry.uncompressedSize, rowBytes),
          range,
        };
      });
    },

    openRows(part: PartSpec, rowOptions: OpenRowsOptions = {}) {
      const range = rangeOf(part);
      const fail = options.failOnPart;
      const failure =
        fail !== undefined && fail.table === keyOf(part.schema, part.table) && fail.segment === part.segment
          ? { afterRows: fail.afterRows }
          : undefined;
      return openPartRows(
        async () => {
          const opened = await open();
          if (range.entry === null) return undefined;
          const found = opened.partsByTable
            .get(keyOf(part.schema, part.table))
            ?.find((p) => p.partName === range.entry);
          if (found === undefined) {
            throw new BacpacFileSourceError(
              'BACPAC_SOURCE_BAD_PART',
              `${part.schema}.${part.table} segment ${part.segment}: expected a data part of this table, ` +
                `found ${JSON.stringify(range.entry)}`,
              { part: range.entry },
            );
          }
          return { pkg: opened.pkg, part: found, columns: columnsOf(opened, part.schema, part.table) };
        },
        rowOptions.signal,
        failure,
      );
    },

    async close(): Promise<void> {
      if (opening === undefined) return;
      const opened = await opening.catch(() => undefined);
      if (opened !== undefined && typeof file === 'string') await opened.pkg.close();
    },
  };
}
