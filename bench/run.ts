/**
 * The bench suite: how fast the export pipeline runs on this machine against the synthetic bench
 * database (no SQL Server), and how close it comes to the machine's limits.
 *
 *   npm run bench                              200 MB of BCP data (quick)
 *   BENCH_BYTES=2GB npm run bench              the headline figure
 *   BENCH_PARALLEL=1,2,4 BENCH_AZURITE=disk    parallel parts per run; Azurite on disk or in memory
 *
 * Prints one JSON line per measurement, then a table and a summary line. Azurite is started here and
 * keeps blobs in a temporary folder (BENCH_AZURITE=memory: in memory, which measured slower here and
 * holds every staged byte in the emulator's process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { compressionSettings } from '../src/activities/compression';
import { startAzurite } from '../test/helpers/azurite';
import { MiB, mbPerSecond, parseSize, printTable, round, type Measurement } from './bench-report';
import { measureDeflateLimit } from './deflate-limit';
import { measureEncode } from './encode-throughput';
import { measureEndToEnd } from './end-to-end';
import { measurePartMemory } from './part-memory';
import { measureUploadLimit } from './upload-limit';

const RSS_CEILING = 256 * MiB;
const MOVED_CEILING = 8 * MiB;
const TARGET_SHARE_OF_DEFLATE_LIMIT = 0.6;
const COMPRESSION = 'normal';

async function main(): Promise<number> {
  const bytes = parseSize(process.env.BENCH_BYTES, 200e6);
  const parallels = (process.env.BENCH_PARALLEL ?? '1,2,4').split(',').map((p) => Number(p.trim()));
  const onDisk = (process.env.BENCH_AZURITE ?? 'disk') === 'disk';
  const level = compressionSettings(COMPRESSION).level ?? 6;
  const azuriteDir = onDisk ? mkdtempSync(path.join(os.tmpdir(), 'bench-azurite-')) : undefined;
  const azurite = await startAzurite(azuriteDir === undefined ? {} : { location: azuriteDir });
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
  console.log(
    JSON.stringify({
      bench: 'setup',
      bytes,
      compression: COMPRESSION,
      level,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      azurite: onDisk ? 'disk' : 'memory',
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    }),
  );
  try {
    await measureEncode(Math.min(bytes, 500e6));
    const deflate = await measureDeflateLimit(bytes, level);
    const ratio = Number(deflate.extra?.ratio ?? 1);
    const upload = await measureUploadLimit(service, Math.ceil(bytes / ratio), ratio);
    const runs: Measurement[] = [];
    for (const parallel of parallels) {
      runs.push(await measureEndToEnd(service, { bytes, parallel, parts: 8, compression: COMPRESSION }));
    }
    const small = await measurePartMemory(azurite.connectionString, Math.round(bytes / 8));
    const large = await measurePartMemory(azurite.connectionString, bytes);

    const best = runs.reduce((a, b) => (mbPerSecond(b) > mbPerSecond(a) ? b : a));
    const partsSeconds = Number(best.extra?.partsSeconds ?? best.seconds);
    const num = (m: Measurement, key: string): number => Number(m.extra?.[key] ?? NaN);
    // CPU seconds per GB: independent of what else the machine runs, unlike wall-clock throughput.
    const perGb = (cpu: number, m: Measurement): number => round(cpu / (m.bytes / 1e9));
    const deflateCpu = perGb(num(deflate, 'cpuSelfSeconds'), deflate);
    const e2eCpu = perGb(num(best, 'cpuSelfSeconds') + num(best, 'cpuAzuriteSeconds'), best);
    const partsCpu = perGb(num(best, 'partsCpuSelfSeconds') + num(best, 'partsCpuAzuriteSeconds'), best);
    const assembleSeconds = Number(best.extra?.assembleSeconds ?? 0);
    const uploadLimit = Number(upload.extra?.bcpEquivalentMbPerSecond ?? 0);
    const moved = Math.max(...runs.map((r) => Number(r.extra?.bytesMoved ?? Infinity)));
    const peakRss = Math.max(...[small, large].map((m) => Number(m.extra?.peakRssMiB ?? Infinity))) * MiB;
    const summary = {
      bench: 'summary',
      bytes,
      bestEndToEndMbPerSecond: round(mbPerSecond(best)),
      bestParallel: best.extra?.parallel,
      deflateLimitMbPerSecond: round(mbPerSecond(deflate)),
      shareOfDeflateLimit: round(mbPerSecond(best) / mbPerSecond(deflate), 2),
      // The parts phase alone (rows -> BCP -> deflate -> staged blocks), and the assembly, whose
      // server-side copy Azurite performs in its own process (in Azure the storage service does it).
      partsMbPerSecond: round(best.bytes / 1e6 / partsSeconds),
      partsShareOfDeflateLimit: round(best.bytes / 1e6 / partsSeconds / mbPerSecond(deflate), 2),
      assembleSeconds,
      // With all cores to itself, an export reaches deflateCpu / e2eCpu of the deflate limit.
      deflateCpuSecondsPerGb: deflateCpu,
      endToEndCpuSecondsPerGb: e2eCpu,
      partsCpuSecondsPerGb: partsCpu,
      cpuShareOfDeflateLimit: round(deflateCpu / e2eCpu, 2),
      partsCpuShareOfDeflateLimit: round(deflateCpu / partsCpu, 2),
      endToEndCoresUsed: round(
        (num(best, 'cpuSelfSeconds') + num(best, 'cpuAzuriteSeconds')) / best.seconds,
        2,
      ),
      uploadLimitBcpMbPerSecond: uploadLimit,
      shareOfUploadLimit: round(mbPerSecond(best) / uploadLimit, 2),
      maxBytesMoved: moved,
      peakPartRssMiB: round(peakRss / MiB),
      meetsThroughput: mbPerSecond(best) >= TARGET_SHARE_OF_DEFLATE_LIMIT * mbPerSecond(deflate),
      meetsBytesMoved: moved < MOVED_CEILING,
      meetsRss: peakRss < RSS_CEILING,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
    };
    printTable();
    console.log('');
    console.log(JSON.stringify(summary));
    return summary.meetsThroughput && summary.meetsBytesMoved && summary.meetsRss ? 0 : 1;
  } finally {
    await azurite.stop();
    if (azuriteDir !== undefined) rmSync(azuriteDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
