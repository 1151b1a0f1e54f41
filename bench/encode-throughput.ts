import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBcpEncoder } from '../src/bacpac/bcp';
import { record, seconds, type Measurement } from './bench-report';
import { benchSource, benchTable } from './bench-data';

/** A sink that counts bytes and drops them. */
function counter(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    objectMode: true,
    write(chunk: Buffer | unknown[], _encoding, callback) {
      bytes += Buffer.isBuffer(chunk) ? chunk.length : 1;
      callback();
    },
  });
  return { sink, bytes: () => bytes };
}

/**
 * One core: the synthetic source's rows alone, then rows through the BCP encoder (the export's own
 * stream encoder, 64 KiB chunks). The difference is the encoder's cost.
 */
export async function measureEncode(bytes: number): Promise<Measurement[]> {
  const table = await benchTable(bytes);
  const rows = Number(table.estimatedRows);
  const part = { schema: 'dbo', table: 'BenchRows', segment: 0, estimatedRows: table.estimatedRows };

  const rowsOnly = counter();
  let started = performance.now();
  await pipeline(benchSource(bytes).openRows(part), rowsOnly.sink);
  const source = record({
    bench: 'source-rows',
    label: 'synthetic source rows only (1 core)',
    bytes,
    rows: rowsOnly.bytes(),
    seconds: seconds(started),
  });

  const encoded = counter();
  started = performance.now();
  await pipeline(
    benchSource(bytes).openRows(part),
    createBcpEncoder({ table: 'dbo.BenchRows', columns: table.columns }),
    encoded.sink,
  );
  const encode = record({
    bench: 'encode',
    label: 'source rows + BCP encode (1 core)',
    bytes: encoded.bytes(),
    rows,
    seconds: seconds(started),
  });
  return [source, encode];
}
