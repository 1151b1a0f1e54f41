import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import type { ExportRequest } from '../../src/api/export-request';
import type { ExportEnvironment } from '../../src/activities';
import type { ExportSource } from '../../src/source/types';
import { createBlobBacpacTarget, type BlobBacpacTargetOptions } from '../../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../../src/storage/blob-staging-store';
import { testBlobService, withTestContainer } from '../helpers/azurite';

export interface PipelineSetup {
  readonly env: ExportEnvironment;
  readonly staging: ContainerClient;
  readonly targets: ContainerClient;
  request(blobName: string, overrides?: Partial<ExportRequest['options']>): ExportRequest;
}

/**
 * Blob staging and a blob target in their own Azurite containers, with `openSource` handing out a
 * fresh source for every activity (as the Functions host does: each activity opens its own).
 */
export async function pipelineSetup(
  t: Pick<TestContext, 'after'>,
  openSource: () => ExportSource | Promise<ExportSource>,
  targetOptions?: BlobBacpacTargetOptions,
): Promise<PipelineSetup> {
  const service = await testBlobService();
  const staging = await withTestContainer(t);
  const targets = await withTestContainer(t);
  const env: ExportEnvironment = {
    staging: createBlobStagingStore(service, staging.containerName),
    openSource: async () => openSource(),
    openTarget: (spec) => createBlobBacpacTarget(targets.getBlockBlobClient(spec.blobName), targetOptions),
    now: () => new Date('2026-11-25T10:00:00Z'),
    cancelCheckIntervalMs: 1000,
  };
  return {
    env,
    staging,
    targets,
    request: (blobName, overrides) => ({
      source: { server: 'fixture', database: 'fixture', authentication: 'managed-identity' },
      target: { accountUrl: service.url.replace(/\/$/, ''), container: targets.containerName, blobName },
      options: {
        maxParallelism: 4,
        splitRowThreshold: 1_000_000,
        compression: 'normal',
        overwrite: false,
        consistency: 'none',
        ...overrides,
      },
    }),
  };
}

export async function blobNames(container: ContainerClient): Promise<string[]> {
  const names: string[] = [];
  for await (const item of container.listBlobsFlat()) names.push(item.name);
  return names;
}

/** Downloads a blob into a temporary file (removed after the test) and returns its path. */
export async function downloadToTemp(
  t: Pick<TestContext, 'after'>,
  container: ContainerClient,
  name: string,
): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bacpac-flow-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  writeFileSync(file, await container.getBlobClient(name).downloadToBuffer());
  return file;
}
