import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerClient } from '@azure/storage-blob';
import { deleteBlobsWithPrefix } from '../../src/storage/prefix-cleanup';
import { withTestContainer } from '../helpers/azurite';

async function names(container: ContainerClient): Promise<string[]> {
  const found: string[] = [];
  for await (const blob of container.listBlobsFlat()) found.push(blob.name);
  return found.sort();
}

test('deletes every blob under a prefix across several pages and leaves other prefixes alone', async (t) => {
  const container = await withTestContainer(t);
  const run = Array.from({ length: 23 }, (_, i) => `run-1/parts/${String(i).padStart(5, '0')}.bcp`);
  const keep = ['run-10/plan.json', 'run-2/plan.json', 'run-1.bacpac', 'other/run-1/x'];
  await Promise.all([...run, 'run-1/plan.json', ...keep].map((n) => container.uploadBlockBlob(n, 'x', 1)));

  const deleted = await deleteBlobsWithPrefix(container, 'run-1/', { pageSize: 5, concurrency: 3 });

  assert.equal(deleted, 24);
  assert.deepEqual(await names(container), [...keep].sort());
});

test('deletes snapshots with their blob', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('run-3/plan.json');
  await blob.upload('{}', 2);
  await blob.createSnapshot();
  assert.equal(await deleteBlobsWithPrefix(container, 'run-3/'), 1);
  assert.deepEqual(await names(container), []);
});

test('returns 0 when nothing matches and refuses an empty prefix', async (t) => {
  const container = await withTestContainer(t);
  await container.uploadBlockBlob('a/b', 'x', 1);
  assert.equal(await deleteBlobsWithPrefix(container, 'z/'), 0);
  await assert.rejects(deleteBlobsWithPrefix(container, ''), {
    code: 'STORAGE_INVALID_NAME',
    message: `[STORAGE_INVALID_NAME] ${container.containerName}: refusing to delete with an empty prefix`,
  });
  assert.deepEqual(await names(container), ['a/b']);
});
