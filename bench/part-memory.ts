import { spawn } from 'node:child_process';
import path from 'node:path';
import { MiB, record, round, type Measurement } from './bench-report';

interface WorkerReport {
  readonly parts: number;
  readonly bytes: number;
  readonly rows: string;
  readonly seconds: number;
  readonly rssBeforePart: number;
  readonly sampledPeakRss: number;
  readonly peakRss: number;
  readonly peakRssFrom: string;
  readonly maxRss: number;
}

/**
 * Peak memory of one export-part worker: a child process exports the bench table as a single part
 * of `bytes` BCP bytes into Azurite and reports its peak RSS (the kernel's high-water mark for the
 * process, which includes Node, tsx and the Azure SDK). Run at two sizes, it shows memory does not
 * grow with the part.
 */
export async function measurePartMemory(connectionString: string, bytes: number): Promise<Measurement> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'part-worker.ts')], {
    env: { ...process.env, BENCH_CONNECTION_STRING: connectionString, BENCH_PART_BYTES: String(bytes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{')) {
    throw new Error(`the part worker exited with ${String(code)}: ${output}`);
  }
  const report = JSON.parse(line) as WorkerReport;
  if (report.parts !== 1) throw new Error(`the part worker planned ${report.parts} parts, expected 1`);
  return record({
    bench: 'part-memory',
    label: `one export part of ${Math.round(report.bytes / 1e6)} MB, child process`,
    bytes: report.bytes,
    rows: Number(report.rows),
    seconds: report.seconds,
    extra: {
      peakRssMiB: round(report.peakRss / MiB),
      peakRssFrom: report.peakRssFrom,
      sampledPeakRssMiB: round(report.sampledPeakRss / MiB),
      rssBeforePartMiB: round(report.rssBeforePart / MiB),
    },
  });
}
