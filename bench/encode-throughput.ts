import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteWriter, createBcpEncoder, encodeRow, type BcpRow } from '../src/bacpac/bcp';
import { CancelCheck } from '../src/activities/cancel-check';
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

/** Rows held for the loop-only measurement (the bench table repeats a pool of 4096 value sets). */
const LOOP_ROWS = 65_536;

/**
 * One core, four ways: the synthetic source's rows alone; encodeRow in a plain loop over rows held in
 * memory (the codec alone); rows streamed through the export's stream encoder; and the export
 * part's own chain before compression, rows -> encoder with its cancel check. The differences are
 * the codec's cost and the per-row cost of the object-mode stream hop and the check.
 */
export async function measureEncode(bytes: number): Promise<Measurement[]> {
  const table = await benchTable(bytes);
  const rows = Number(table.estimatedRows);
  const part = { schema: 'dbo', table: 'BenchRows', segment: 0, estimatedRows: table.estimatedRows };

  // Warm-up: the first pass through the codec runs unoptimised code, which no long export sees.
  await pipeline(
    benchSource(bytes).openRows({ ...part, range: { from: 0, to: Math.min(rows, 200_000) } }),
    createBcpEncoder({ table: 'dbo.BenchRows', columns: table.columns }),
    counter().sink,
  );

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

  const held: BcpRow[] = [];
  for await (const row of benchSource(bytes).openRows({
    ...part,
    range: { from: 0, to: Math.min(rows, LOOP_ROWS) },
  }))
    held.push(row as BcpRow);
  const out = new ByteWriter(1024 * 1024);
  let loopBytes = 0;
  started = performance.now();
  for (let i = 0; i < rows; i++) {
    encodeRow(table.columns, held[i % held.length] as BcpRow, out);
    if (out.pos >= 1000 * 1000) {
      loopBytes += out.pos;
      out.pos = 0;
    }
  }
  loopBytes += out.pos;
  const loop = record({
    bench: 'encode-loop',
    label: 'encodeRow loop, rows in memory (1 core)',
    bytes: loopBytes,
    rows,
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

  const gated = counter();
  started = performance.now();
  await pipeline(
    benchSource(bytes).openRows(part),
    createBcpEncoder({
      table: 'dbo.BenchRows',
      columns: table.columns,
      checkpoint: new CancelCheck(
        2000,
        () => Promise.resolve(false),
        () => new Error('cancelled'),
      ).checkpoint,
    }),
    gated.sink,
  );
  const gate = record({
    bench: 'encode-gated',
    label: 'source rows + BCP encode with cancel checks (1 core)',
    bytes: gated.bytes(),
    rows,
    seconds: seconds(started),
  });
  return [source, loop, encode, gate];
}
