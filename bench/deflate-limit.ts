import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MiB, record, seconds, type Measurement } from './bench-report';
import { benchTable } from './bench-data';
import { cpuSince, sampleCpu } from './cpu-time';

interface WorkerResult {
  readonly bytes: number;
  readonly compressed: number;
}

/** A worker cannot start from a .ts file; this registers tsx in the worker and loads it. */
const WORKER_BOOTSTRAP = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'deflate-worker.ts'))});`;

/** Slice of BCP data each worker cycles over: far beyond deflate's 32 KiB window, so cycling costs nothing. */
const SLICE_BYTES = 32 * MiB;

/**
 * The machine's limit for the export's hardest stage: raw deflate of the same BCP data at the same
 * level, `bytes` in all, split over one worker thread per core, all deflating at once. Nothing else
 * runs (no encoding, no upload), so no export can beat it on this machine.
 */
export async function measureDeflateLimit(bytes: number, level: number): Promise<Measurement> {
  const workers = os.availableParallelism();
  const table = await benchTable(bytes);
  const rows = Number(table.estimatedRows);
  const share = Math.ceil(bytes / workers);
  const threads = Array.from(
    { length: workers },
    (_, w) =>
      new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: {
          tableBytes: bytes,
          fromRow: Math.floor((w * rows) / workers),
          sliceBytes: SLICE_BYTES,
          shareBytes: share,
          level,
        },
      }),
  );
  const messages = threads.map((thread) => {
    const queue: unknown[] = [];
    const waiting: ((value: unknown) => void)[] = [];
    thread.on('message', (message: unknown) => {
      const next = waiting.shift();
      if (next === undefined) queue.push(message);
      else next(message);
    });
    thread.on('error', (err) => {
      throw err;
    });
    return (): Promise<unknown> =>
      queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve));
  });
  await Promise.all(messages.map((next) => next()));
  const cpuStart = sampleCpu();
  const started = performance.now();
  threads.forEach((thread) => thread.postMessage('go'));
  const results = (await Promise.all(messages.map((next) => next()))) as WorkerResult[];
  const elapsed = seconds(started);
  const cpu = cpuSince(cpuStart);
  await Promise.all(threads.map((thread) => thread.terminate()));
  const fed = results.reduce((sum, r) => sum + r.bytes, 0);
  const compressed = results.reduce((sum, r) => sum + r.compressed, 0);
  return record({
    bench: 'deflate-limit',
    label: `deflate limit, level ${level} (${workers} threads)`,
    bytes: fed,
    seconds: elapsed,
    extra: {
      threads: workers,
      ratio: Math.round((fed / compressed) * 100) / 100,
      cpuSelfSeconds: Math.round(cpu.self * 10) / 10,
    },
  });
}
