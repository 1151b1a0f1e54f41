/**
 * Dropping the uncommitted blocks a failed or cancelled run wrote into its target blob, against a
 * real Azurite: no API deletes uncommitted blocks, so the blob is committed empty and deleted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BlockBlobClient } from '@azure/storage-blob';
import { discardRunBlocks } from '../../src/storage/discard-run-blocks';
import { partBlockId } from '../../src/storage/target-block-ids';
import { withTestContainer } from '../helpers/azurite';
import { blobNames } from '../runner/pipeline-helpers';

const RUN = 'a1b2c3d4';
const OTHER = 'ffff0000';

async function uncommittedNames(blob: BlockBlobClient): Promise<string[]> {
  try {
    const list = await blob.getBlockList('uncommitted');
    return (list.uncommittedBlocks ?? []).map((b) => Buffer.from(b.name, 'base64').toString('ascii'));
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
}

test('blocks of a run on a blob never committed are dropped, and no blob remains', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('sales.bacpac');
  for (let seq = 0; seq < 3; seq++) {
    await blob.stageBlock(partBlockId(RUN, 7, seq), Buffer.alloc(1000, seq), 1000);
  }
  assert.equal((await uncommittedNames(blob)).length, 3);

  assert.deepEqual(await discardRunBlocks(blob, RUN), { blocks: 3 });
  assert.deepEqual(await uncommittedNames(blob), []);
  assert.deepEqual(await blobNames(container), [], 'the empty blob made to drop them is deleted');

  // Nothing left: a second call finds nothing and makes nothing.
  assert.deepEqual(await discardRunBlocks(blob, RUN), { blocks: 0 });
  assert.deepEqual(await blobNames(container), []);
});

test("another run's blocks alone are not touched: nothing is committed for them", async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('sales.bacpac');
  await blob.stageBlock(partBlockId(OTHER, 0, 0), Buffer.from('theirs'), 6);

  assert.deepEqual(await discardRunBlocks(blob, RUN), { blocks: 0 });
  assert.deepEqual(await uncommittedNames(blob), [`${OTHER}p000000b000000`]);
  assert.deepEqual(await blobNames(container), []);
});

test('an existing blob is never rewritten: its content and ETag stay, the blocks are reported as left', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('sales.bacpac');
  await blob.upload('an archive already there', 24, { metadata: { owner: 'someone' } });
  const before = await blob.getProperties();
  await blob.stageBlock(partBlockId(RUN, 0, 0), Buffer.from('ours'), 4);

  const result = await discardRunBlocks(blob, RUN);
  assert.equal(result.blocks, 1);
  assert.match(result.left ?? '', /the blob exists; its uncommitted blocks expire within a week/);

  const after = await blob.getProperties();
  assert.equal(after.etag, before.etag);
  assert.deepEqual(after.metadata, { owner: 'someone' });
  assert.equal((await blob.downloadToBuffer()).toString(), 'an archive already there');
});
