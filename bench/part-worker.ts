/**
 * Child process of the part-memory bench: plans the bench table as ONE part of BENCH_PART_BYTES of
 * BCP data and runs the exportPart activity on it (rows -> BCP -> deflate -> staged blocks in the
 * Azurite named by BENCH_CONNECTION_STRING), as a Functions worker would. Samples its own RSS every
 * 50 ms and prints one JSON line: peak RSS (the kernel's high-water mark and the samples), bytes, seconds.
 */
import { readFileSync } from 'node:fs';
import { BlobServiceClient } from '@azure/storage-blob';
import { createActivities, type ExportEnvironment } from '../src/activities';
import { createBlobBacpacTarget } from '../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../src/storage/blob-staging-store';
import { benchSource } from './bench-data';

/**
 * Peak RSS of this process image. Linux's VmHWM starts afresh at exec; the kernel's maxRSS
 * (resourceUsage) does not: a spawned child inherits its parent's peak from the fork.
 */
function peakRss(): { bytes: number; from: string } {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return { bytes: Number(match[1]) * 1024, from: 'VmHWM' };
  } catch {
    // Not Linux: fall back to maxRSS.
  }
  return { bytes: process.resourceUsage().maxRSS * 1024, from: 'maxRSS' };
}

async function main(): Promise<void> {
  const bytes = Number(process.env.BENCH_PART_BYTES);
  const service = BlobServiceClient.fromConnectionString(process.env.BENCH_CONNECTION_STRING ?? '');
  const container = service.getContainerClient(`bench-rss-${process.pid}-${Date.now()}`);
  await container.create();
  let sampledPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 50);
  const env: ExportEnvironment = {
    staging: createBlobStagingStore(service, container.containerName),
    openSource: () => Promise.resolve(benchSource(bytes)),
    openTarget: (spec) => createBlobBacpacTarget(container.getBlockBlobClient(spec.blobName)),
    now: () => new Date(),
  };
  const activities = createActivities(env);
  const runId = 'bench-rss';
  const plan = await activities.planExport({
    runId,
    request: {
      source: { server: 'synthetic', database: 'BacpacFlowBench', authentication: 'managed-identity' },
      target: { accountUrl: service.url, container: container.containerName, blobName: 'unused.bacpac' },
      options: {
        maxParallelism: 1,
        splitRowThreshold: Number.MAX_SAFE_INTEGER,
        compression: 'normal',
        overwrite: false,
        consistency: 'none',
      },
    },
  });
  const rssBeforePart = process.memoryUsage.rss();
  const started = performance.now();
  const manifest = await activities.exportPart({
    runId,
    planBlob: plan.planBlob,
    partIndex: 0,
    compression: 'normal',
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  await container.delete();
  console.log(
    JSON.stringify({
      parts: plan.partsTotal,
      bytes: manifest.bytes,
      rows: manifest.rows,
      seconds,
      rssBeforePart,
      sampledPeakRss: sampledPeak,
      peakRss: peakRss().bytes,
      peakRssFrom: peakRss().from,
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

void main();
