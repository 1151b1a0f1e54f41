import type { Readable } from 'node:stream';
import { bcpColumnsOf } from '../../bacpac/model';
import type {
  ExportSource,
  OpenRowsOptions,
  PartSpec,
  PlanOptions,
  ReadSchemaOptions,
  SourceSchema,
  SourceTable,
} from '../types';
import { benchDatabase } from './bench-database';
import { demoDatabase } from './demo-database';
import type { SyntheticDatabase } from './demo-database';
import { SyntheticSourceError } from './errors';
import { estimateTableBytes } from './estimate-bytes';
import { resolveOptions } from './options';
import type { SyntheticSourceOptions } from './options';
import { planRowParts, rowRangeOf } from './plan-parts';
import { createRowStream } from './row-stream';
import { SERVER_VERSION, databaseSizeKb } from './server-info';
import type { SyntheticTable } from './synthetic-table';

/**
 * The built-in synthetic source: a deterministic sample database that exports through the same
 * pipeline as a real server, with no server. Every row is a pure function of (seed, table, row
 * index), so parts are generated independently; nothing but the model is held in memory.
 */
export function createSyntheticSource(options?: SyntheticSourceOptions): ExportSource {
  const resolved = resolveOptions(options);
  const database: SyntheticDatabase =
    resolved.profile === 'bench'
      ? benchDatabase(resolved.seed, resolved.targetBytes)
      : demoDatabase(resolved.seed, resolved.scale);
  const byName = new Map<string, SyntheticTable>(database.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  let described: SourceTable[] | undefined;

  const tableOf = (schema: string, name: string): SyntheticTable => {
    const table = byName.get(`${schema}.${name}`);
    if (table === undefined) {
      throw new SyntheticSourceError(
        'SYNTHETIC_UNKNOWN_TABLE',
        `[${schema}].[${name}]: expected one of ${[...byName.keys()].join(', ')} in ${database.name}`,
        { schema, table: name },
      );
    }
    return table;
  };

  const describe = (): SourceTable[] => {
    described ??= database.tables.map((table) => {
      const columns = bcpColumnsOf(database.model, table);
      return {
        schema: table.schema,
        name: table.name,
        columns,
        estimatedRows: String(table.rowCount),
        estimatedBytes: estimateTableBytes(table, columns).toString(),
      };
    });
    return described;
  };

  return {
    readSchema(schemaOptions?: ReadSchemaOptions): Promise<SourceSchema> {
      return new Promise((resolve) => {
        const all = describe();
        const wanted = schemaOptions?.tables;
        for (const name of wanted ?? []) {
          const dot = name.indexOf('.');
          tableOf(name.slice(0, dot), name.slice(dot + 1));
        }
        const tables =
          wanted === undefined ? all : all.filter((t) => wanted.includes(`${t.schema}.${t.name}`));
        const dataBytes = all.reduce((sum, t) => sum + BigInt(t.estimatedBytes), 0n);
        resolve({
          model: database.model,
          tables,
          databaseName: database.name,
          serverVersion: SERVER_VERSION,
          databaseSizeKb: databaseSizeKb(dataBytes),
          findings: [],
          consistent: true,
        });
      });
    },

    planParts(table: SourceTable, planOptions: PlanOptions): Promise<PartSpec[]> {
      return new Promise((resolve) => {
        const synthetic = tableOf(table.schema, table.name);
        resolve(planRowParts(table.schema, table.name, synthetic.rowCount, planOptions));
      });
    },

    openRows(part: PartSpec, rowOptions?: OpenRowsOptions): Readable {
      const table = tableOf(part.schema, part.table);
      const { from, to } = rowRangeOf(part, table.rowCount);
      return createRowStream((index) => table.rowAt(index), from, to, {
        table: table.qualifiedName,
        ...(rowOptions?.signal === undefined ? {} : { signal: rowOptions.signal }),
      });
    },

    close(): Promise<void> {
      return Promise.resolve();
    },
  };
}
