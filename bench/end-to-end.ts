import type { BlobServiceClient } from '@azure/storage-blob';
import type { ExportEnvironment } from '../src/activities';
import type { ExportRequest } from '../src/api/export-request';
import { runExportLocally, type LocalProgress } from '../src/runner/run-export';
import type { CommittedArchive } from '../src/storage/bacpac-target';
import { createBlobBacpacTarget } from '../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../src/storage/blob-staging-store';
import { record, round, type Measurement } from './bench-report';
import { cpuSince, sampleCpu, type CpuSample } from './cpu-time';
import { benchSource, benchTable } from './bench-data';

export interface EndToEndOptions {
  readonly bytes: number;
  readonly parallel: number;
  /** Parts the table is split into (the same for every `parallel`, so runs compare). */
  readonly parts: number;
  readonly compression: ExportRequest['options']['compression'];
}

/**
 * The whole export in this process, as the command line runs it: plan, parts (synthetic rows ->
 * BCP -> deflate -> staged blocks in Azurite) with `parallel` parts at once, assembly into a blob
 * target (server-side copy of the parts), cleanup. Throughput is BCP bytes over the wall time of
 * all of it. The archive is deleted afterwards so Azurite holds one export at a time.
 */
export async function measureEndToEnd(
  service: BlobServiceClient,
  options: EndToEndOptions,
): Promise<Measurement> {
  const stamp = `${Date.now()}-${options.parallel}`;
  const staging = service.getContainerClient(`bench-staging-${stamp}`);
  const targets = service.getContainerClient(`bench-target-${stamp}`);
  await staging.create();
  await targets.create();
  const commits: CommittedArchive[] = [];
  const env: ExportEnvironment = {
    staging: createBlobStagingStore(service, staging.containerName),
    openSource: () => Promise.resolve(benchSource(options.bytes)),
    openTarget: (spec) => {
      const target = createBlobBacpacTarget(targets.getBlockBlobClient(spec.blobName));
      return {
        ...target,
        async commit(pieces, store, commitOptions) {
          const committed = await target.commit(pieces, store, commitOptions);
          commits.push(committed);
          return committed;
        },
      };
    },
    now: () => new Date(),
  };
  const rows = Number((await benchTable(options.bytes)).estimatedRows);
  const request: ExportRequest = {
    source: { server: 'synthetic', database: 'BacpacFlowBench', authentication: 'managed-identity' },
    target: {
      accountUrl: service.url.replace(/\/$/, ''),
      container: targets.containerName,
      blobName: 'bench.bacpac',
    },
    options: {
      maxParallelism: options.parallel,
      splitRowThreshold: Math.ceil(rows / options.parts),
      compression: options.compression,
      overwrite: false,
      consistency: 'none',
    },
  };
  const phaseStart = new Map<LocalProgress['phase'], number>();
  const phaseCpu = new Map<LocalProgress['phase'], CpuSample>();
  const cpuStart = sampleCpu();
  const started = performance.now();
  const result = await runExportLocally(request, env, {
    runId: `bench-${stamp}`,
    onProgress: (p) => {
      if (!phaseStart.has(p.phase)) {
        phaseStart.set(p.phase, performance.now());
        phaseCpu.set(p.phase, sampleCpu());
      }
    },
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuStart);
  const cpuOf = (from: LocalProgress['phase'], to: LocalProgress['phase']): CpuSample => {
    const a = phaseCpu.get(from) ?? cpuStart;
    const b = phaseCpu.get(to) ?? cpuStart;
    return { self: b.self - a.self, children: b.children - a.children };
  };
  const partsCpu = cpuOf('exporting', 'assembling');
  const assembleCpu = cpuOf('assembling', 'cleaning-up');
  const at = (phase: LocalProgress['phase']): number => phaseStart.get(phase) ?? started;
  const span = (from: LocalProgress['phase'], to: LocalProgress['phase']): number =>
    round((at(to) - at(from)) / 1000, 2);
  const bcpBytes = result.manifests.reduce((sum, m) => sum + m.bytes, 0);
  const stored = result.manifests.reduce((sum, m) => sum + m.compressedSize, 0);
  const committed = commits[0];
  await targets.delete();
  await staging.delete();
  return record({
    bench: 'end-to-end',
    label: `end-to-end into Azurite, ${options.parallel} parallel`,
    bytes: bcpBytes,
    rows: Number(result.rows),
    seconds: elapsed,
    extra: {
      parallel: options.parallel,
      parts: result.manifests.length,
      storedBytes: stored,
      archiveBytes: committed?.sizeBytes ?? -1,
      bytesMoved: committed?.bytesMoved ?? -1,
      planSeconds: span('planning', 'exporting'),
      partsSeconds: span('exporting', 'assembling'),
      assembleSeconds: span('assembling', 'cleaning-up'),
      cleanupSeconds: span('cleaning-up', 'done'),
      cpuSelfSeconds: round(cpu.self),
      cpuAzuriteSeconds: round(cpu.children),
      partsCpuSelfSeconds: round(partsCpu.self),
      partsCpuAzuriteSeconds: round(partsCpu.children),
      assembleCpuSelfSeconds: round(assembleCpu.self, 2),
      assembleCpuAzuriteSeconds: round(assembleCpu.children),
    },
  });
}
