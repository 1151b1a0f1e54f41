/**
 * The block limit: when copying every staged file of `mergeBelowBytes` or more would take more blocks
 * than a blob may hold, the blob target merges more of them instead of failing. The service's limit
 * is 50,000 blocks; `maxBlocks` lowers it so a few dozen staged files in Azurite show the behaviour.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import type { ArchivePiece } from '../../src/storage/bacpac-target';
import { createBlobBacpacTarget } from '../../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../../src/storage/blob-staging-store';
import { testBlobService, withTestContainer } from '../helpers/azurite';
import { committedBlocks } from './speed-helpers';

const FILES = 40;
const FILE_BYTES = 3000;

describe('blob target block limit', () => {
  test('staged files above the merge threshold are merged when copying them would pass maxBlocks', async (t) => {
    const service = await testBlobService();
    const staging = await withTestContainer(t);
    const targets = await withTestContainer(t);
    const store = createBlobStagingStore(service, staging.containerName);
    const pieces: ArchivePiece[] = [];
    const expected: Buffer[] = [];
    for (let i = 0; i < FILES; i++) {
      const header = Buffer.from(`header ${i};`);
      const data = randomBytes(FILE_BYTES + i);
      await staging.getBlockBlobClient(`part-${i}`).upload(data, data.length);
      pieces.push({ kind: 'bytes', data: header }, { kind: 'staged', name: `part-${i}`, size: data.length });
      expected.push(header, data);
    }
    const trailer = Buffer.from('trailer');
    pieces.push({ kind: 'bytes', data: trailer });
    expected.push(trailer);

    // Copying all 40 files (1 KiB threshold) takes 40 copies and 41 written blocks: 81.
    const unlimited = createBlobBacpacTarget(targets.getBlockBlobClient('unlimited.bin'), {
      mergeBelowBytes: 1024,
    });
    const free = await unlimited.commit(pieces, store, { overwrite: false });
    assert.equal((await committedBlocks(targets, 'unlimited.bin')).length, 2 * FILES + 1);
    assert.ok(free.bytesMoved < FILES * FILE_BYTES);

    const limited = createBlobBacpacTarget(targets.getBlockBlobClient('limited.bin'), {
      mergeBelowBytes: 1024,
      maxBlocks: 30,
    });
    const committed = await limited.commit(pieces, store, { overwrite: false });
    const blocks = await committedBlocks(targets, 'limited.bin');
    assert.ok(blocks.length <= 30, `${blocks.length} blocks`);
    const bytes = await targets.getBlobClient('limited.bin').downloadToBuffer();
    assert.ok(bytes.equals(Buffer.concat(expected)), 'the merged archive holds the same bytes in order');
    assert.equal(committed.sizeBytes, bytes.length);
    assert.equal(committed.bytesMoved, bytes.length, 'every file was merged, none copied');
  });
});
