import type { Readable } from 'node:stream';
import { createBcpEncoder } from '../../../src/bacpac/bcp';
import type { BcpRow } from '../../../src/bacpac/bcp';
import type { ExportSource, PartSpec, SourceTable } from '../../../src/source/types';

/** Shared by the synthetic source tests: rows and BCP bytes of tables and parts. */
export async function collectRows(stream: Readable): Promise<BcpRow[]> {
  const rows: BcpRow[] = [];
  for await (const row of stream) rows.push(row as BcpRow);
  return rows;
}

export function wholeTable(table: SourceTable): PartSpec {
  return { schema: table.schema, table: table.name, segment: 0, estimatedRows: table.estimatedRows };
}

/** The BCP bytes of one part, encoded by the codec's stream encoder from the source's row stream. */
export async function partBytes(source: ExportSource, table: SourceTable, part: PartSpec): Promise<Buffer> {
  const encoder = createBcpEncoder({ table: `${table.schema}.${table.name}`, columns: table.columns });
  const rows = source.openRows(part);
  rows.pipe(encoder);
  rows.on('error', (error) => encoder.destroy(error));
  const chunks: Buffer[] = [];
  for await (const chunk of encoder) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function tableNamed(tables: readonly SourceTable[], schema: string, name: string): SourceTable {
  const table = tables.find((t) => t.schema === schema && t.name === name);
  if (table === undefined) throw new Error(`no table ${schema}.${name}`);
  return table;
}
