/**
 * Worker thread of the deflate limit: encodes a slice of the bench table's BCP data (untimed), then
 * deflates `shareBytes` of it at `level`, cycling over the slice, in 64 KiB writes to one raw deflate
 * stream, the way the export's compressor is fed. Posts { bytes, compressed, seconds }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import { encodeSlice } from './bench-data';

interface Job {
  readonly tableBytes: number;
  readonly fromRow: number;
  readonly sliceBytes: number;
  readonly shareBytes: number;
  readonly level: number;
}

async function main(): Promise<void> {
  const job = workerData as Job;
  const slice = await encodeSlice(job.tableBytes, job.fromRow, job.sliceBytes);
  parentPort?.postMessage({ ready: true });
  await new Promise<void>((resolve) => parentPort?.once('message', () => resolve()));

  const deflater = zlib.createDeflateRaw({ level: job.level });
  let compressed = 0;
  deflater.on('data', (chunk: Buffer) => (compressed += chunk.length));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.once('end', resolve);
    deflater.once('error', reject);
  });
  const started = performance.now();
  let fed = 0;
  let i = 0;
  while (fed < job.shareBytes) {
    const chunk = slice[i % slice.length] as Buffer;
    i += 1;
    fed += chunk.length;
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await ended;
  parentPort?.postMessage({ bytes: fed, compressed, seconds: (performance.now() - started) / 1000 });
}

void main();
