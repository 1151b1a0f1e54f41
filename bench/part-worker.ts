/**
 * Child process of the part-memory bench: plans the bench table as ONE part of BENCH_PART_BYTES of
 * BCP data and runs the exportPart activity on it (rows -> BCP -> deflate -> staged blocks in the
 * Azurite named by BENCH_CONNECTION_STRING), as a Functions worker would. Samples its own RSS every
 * 50 ms and prints one JSON line: peak RSS (sampled and the kernel's maxRSS), bytes, seconds.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { createActivities, type ExportEnvironment } from '../src/activities';
import { createBlobBacpacTarget } from '../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../src/storage/blob-staging-store';
import { benchSource } from './bench-data';

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
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

void main();
