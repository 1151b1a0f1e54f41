/**
 * BCP codec throughput on synthetic mixed-type rows (deterministic, seeded). Run with
 * `node --import tsx bench/bcp-codec.bench.ts [rows]` (add --expose-gc for steadier numbers). Prints one JSON line per measurement and a
 * short table.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { ByteWriter, createBcpDecoder, decodeBcpRows, encodeRow } from '../src/bacpac/bcp';
import type { BcpColumn, BcpRow } from '../src/bacpac/bcp';

const ROWS = Number(process.argv[2] ?? 300_000);

/** Collects garbage between phases when node runs with --expose-gc, so one phase's garbage is not billed to the next. */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** mulberry32: a small seeded generator, so every run encodes the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const columns: BcpColumn[] = [
  { name: 'Id', type: 'int', nullable: false },
  { name: 'Big', type: 'bigint', nullable: true },
  { name: 'Name', type: 'nvarchar', nullable: true, length: 50 },
  { name: 'Code', type: 'char', nullable: false, length: 8 },
  { name: 'Amount', type: 'decimal', nullable: false, precision: 18, scale: 4 },
  { name: 'Price', type: 'money', nullable: true },
  { name: 'Ratio', type: 'float', nullable: true },
  { name: 'Active', type: 'bit', nullable: false },
  { name: 'At', type: 'datetime2', nullable: true, scale: 7 },
  { name: 'Day', type: 'date', nullable: false },
  { name: 'Guid', type: 'uniqueidentifier', nullable: false },
  { name: 'Notes', type: 'nvarchar', nullable: true, isMax: true },
];

function makeRows(count: number): BcpRow[] {
  const next = random(42);
  const int = (n: number): number => Math.floor(next() * n);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => int(16).toString(16))
      .join('')
      .toUpperCase();
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const rows: BcpRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push([
      i,
      next() < 0.1 ? null : BigInt(int(2 ** 40)) * 1000n,
      next() < 0.1 ? null : `Customer ${int(100000)} ${'x'.repeat(int(30))}`,
      `C${pad(int(1000000), 6)}`,
      `${int(100000000)}.${pad(int(10000), 4)}`,
      next() < 0.2 ? null : `${int(1000000)}.${pad(int(10000), 4)}`,
      next() < 0.1 ? null : next() * 1000,
      next() < 0.5,
      next() < 0.1
        ? null
        : `20${pad(int(30), 2)}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)} ${pad(int(24), 2)}:${pad(int(60), 2)}:${pad(int(60), 2)}.${pad(int(10000000), 7)}`,
      `19${pad(50 + int(50), 2)}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}`,
      `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      next() < 0.7 ? null : 'Lorem ipsum dolor sit amet '.repeat(1 + int(8)),
    ]);
  }
  return rows;
}

interface Result {
  readonly bench: string;
  readonly rows: number;
  readonly bytes: number;
  readonly seconds: number;
}

function report(result: Result): void {
  const mbPerSecond = result.bytes / 1e6 / result.seconds;
  const rowsPerSecond = result.rows / result.seconds;
  console.log(
    JSON.stringify({
      ...result,
      mbPerSecond: Number(mbPerSecond.toFixed(1)),
      rowsPerSecond: Math.round(rowsPerSecond),
    }),
  );
}

/** Encodes rows into 64 KiB chunks with the encodeRow fast path. */
function encodeAll(rows: readonly BcpRow[]): Buffer[] {
  const chunks: Buffer[] = [];
  const out = new ByteWriter(64 * 1024 + 4096);
  for (let i = 0; i < rows.length; i++) {
    encodeRow(columns, rows[i] as BcpRow, out, { table: 'bench.Mixed', row: i + 1 });
    if (out.pos >= 64 * 1024) chunks.push(out.take());
  }
  chunks.push(out.take());
  return chunks;
}

async function main(): Promise<void> {
  const rows = makeRows(ROWS);

  // One warm-up pass so the timed pass measures optimised code, not the JIT.
  encodeAll(rows.slice(0, 20_000));
  settle();
  let start = performance.now();
  const chunks = encodeAll(rows);
  const encodeSeconds = (performance.now() - start) / 1000;
  const data = Buffer.concat(chunks);
  const results: Result[] = [
    { bench: 'encodeRow', rows: rows.length, bytes: data.length, seconds: encodeSeconds },
  ];

  settle();
  start = performance.now();
  let decoded = 0;
  for (const row of decodeBcpRows(data, columns, 'bench.Mixed')) if (row.length > 0) decoded += 1;
  results.push({
    bench: 'decodeBcpRows',
    rows: decoded,
    bytes: data.length,
    seconds: (performance.now() - start) / 1000,
  });

  settle();
  start = performance.now();
  decoded = 0;
  const decoder = createBcpDecoder({ table: 'bench.Mixed', columns });
  Readable.from(chunks).pipe(decoder);
  for await (const row of decoder) if ((row as BcpRow).length > 0) decoded += 1;
  results.push({
    bench: 'createBcpDecoder (64 KiB chunks)',
    rows: decoded,
    bytes: data.length,
    seconds: (performance.now() - start) / 1000,
  });

  for (const result of results) report(result);
  console.log('');
  console.log('bench                              rows      MB      MB/s     rows/s');
  for (const r of results) {
    console.log(
      `${r.bench.padEnd(34)} ${String(r.rows).padStart(7)} ${(r.bytes / 1e6).toFixed(1).padStart(7)} ` +
        `${(r.bytes / 1e6 / r.seconds).toFixed(1).padStart(8)} ${Math.round(r.rows / r.seconds)
          .toString()
          .padStart(10)}`,
    );
  }
}

void main();
