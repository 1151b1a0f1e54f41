import { createBcpEncoder } from '../src/bacpac/bcp';
import { createSyntheticSource } from '../src/source/synthetic';
import type { ExportSource, SourceTable } from '../src/source/types';

/** The seed every bench uses, so every measurement covers the same bytes. */
export const BENCH_SEED = 1;

/** The synthetic bench database (one wide table of mixed types) sized to `bytes` of BCP data. */
export function benchSource(bytes: number): ExportSource {
  return createSyntheticSource({ seed: BENCH_SEED, profile: 'bench', targetBytes: bytes });
}

export async function benchTable(bytes: number): Promise<SourceTable> {
  const schema = await benchSource(bytes).readSchema();
  const table = schema.tables[0];
  if (table === undefined) throw new Error('the bench database has no table');
  return table;
}

/**
 * BCP chunks (64 KiB, as the export's encoder makes them) of the bench table's rows from `fromRow`
 * on, until at least `maxBytes`: a slice of the same data the export deflates.
 */
export async function encodeSlice(bytes: number, fromRow: number, maxBytes: number): Promise<Buffer[]> {
  const source = benchSource(bytes);
  const table = await benchTable(bytes);
  const rows = Number(table.estimatedRows);
  const encoder = createBcpEncoder({ table: 'dbo.BenchRows', columns: table.columns });
  const stream = source.openRows({
    schema: 'dbo',
    table: 'BenchRows',
    segment: 0,
    estimatedRows: table.estimatedRows,
    range: { from: Math.min(fromRow, rows - 1), to: rows },
  });
  stream.pipe(encoder);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of encoder) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= maxBytes) break;
  }
  stream.destroy();
  return chunks;
}
