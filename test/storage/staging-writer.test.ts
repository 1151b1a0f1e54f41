import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import type { BlockBlobClient } from '@azure/storage-blob';
import type { BlockTarget } from '../../src/storage/block-commit';
import { createStagedBlobWriter, writeStagedBlob } from '../../src/storage/staging-writer';
import { withTestContainer } from '../helpers/azurite';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Random chunks of uneven sizes, hashed as they are produced. */
function randomSource(totalBytes: number, hash: ReturnType<typeof createHash>): Readable {
  let remaining = totalBytes;
  return new Readable({
    read() {
      if (remaining === 0) return void this.push(null);
      const size = Math.min(remaining, 1 + Math.floor(Math.random() * 300 * KiB));
      const chunk = randomBytes(size);
      hash.update(chunk);
      remaining -= size;
      this.push(chunk);
    },
  });
}

/** Delegates to a real block blob client, adding a delay and observing each Put Block. */
function observedTarget(
  blob: BlockBlobClient,
  hooks: {
    delayMs?: number;
    failAtCall?: number;
    onStart?: (bytes: number) => void;
    onStaged?: (bytes: number) => void;
  },
): BlockTarget {
  let calls = 0;
  return {
    containerName: blob.containerName,
    name: blob.name,
    stageBlockFromURL: blob.stageBlockFromURL.bind(blob),
    commitBlockList: blob.commitBlockList.bind(blob),
    async stageBlock(id, body, length, options) {
      calls += 1;
      hooks.onStart?.(length);
      if (hooks.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, hooks.delayMs));
      if (calls === hooks.failAtCall) throw new Error(`Put Block ${calls} failed on purpose`);
      const response = await blob.stageBlock(id, body, length, options);
      hooks.onStaged?.(length);
      return response;
    },
  };
}

describe('StagedBlobWriter', () => {
  test('round-trips 20 MiB through 1 MiB blocks with fixed-width ids', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('roundtrip.bacpac');
    const total = 20 * MiB + 12_345;
    const sent = createHash('sha256');

    const result = await writeStagedBlob(blob, randomSource(total, sent), { blockSize: MiB, maxBuffers: 3 });

    assert.equal(result.bytesWritten, total);
    assert.equal(result.blockCount, 21);
    const received = createHash('sha256')
      .update(await blob.downloadToBuffer())
      .digest('hex');
    assert.equal(received, sent.digest('hex'));
    const list = await blob.getBlockList('committed');
    const blocks = list.committedBlocks ?? [];
    assert.equal(blocks.length, 21);
    assert.deepEqual(
      blocks.slice(0, 2).map((b) => b.name),
      ['MDAwMDAw', 'MDAwMDAx'],
    ); // "000000", "000001"
    assert.ok(blocks.every((b) => b.name.length === 8));
    assert.ok(blocks.slice(0, 20).every((b) => b.size === MiB));
    assert.equal(blocks[20]?.size, 12_345);
    const properties = await blob.getProperties();
    assert.equal(properties.contentLength, total);
    assert.equal(properties.contentType, 'application/octet-stream');
  });

  for (const maxBuffers of [1, 3]) {
    test(`holds at most maxBuffers (${maxBuffers}) blocks while Put Block is slow`, async (t) => {
      const container = await withTestContainer(t);
      const blockSize = 256 * KiB;
      const chunkSize = 64 * KiB;
      let accepted = 0; // bytes handed to write()
      let staged = 0; // bytes the service has acknowledged
      let peakHeld = 0;
      let concurrent = 0;
      let peakConcurrent = 0;
      const target = observedTarget(container.getBlockBlobClient('bounded.bacpac'), {
        delayMs: 15,
        onStart: () => (peakConcurrent = Math.max(peakConcurrent, ++concurrent)),
        onStaged: (bytes) => {
          staged += bytes;
          concurrent -= 1;
        },
      });
      const writer = createStagedBlobWriter(target, { blockSize, maxBuffers });
      for (let i = 0; i < 64; i += 1) {
        accepted += chunkSize;
        peakHeld = Math.max(peakHeld, accepted - staged);
        if (!writer.write(randomBytes(chunkSize))) await once(writer, 'drain');
      }
      writer.end();
      await once(writer, 'finish');

      assert.equal(writer.bytesWritten, 4 * MiB);
      assert.equal(writer.committed?.blockCount, 16);
      const bound = maxBuffers * blockSize + writer.writableHighWaterMark + chunkSize;
      assert.ok(peakHeld <= bound, `peak ${peakHeld} bytes held exceeds ${bound}`);
      assert.equal(peakConcurrent, maxBuffers, 'Put Block requests in flight at once');
      // The buffers are really used: a full set fills while earlier blocks are still being staged.
      assert.ok(peakHeld >= maxBuffers * blockSize, `peak ${peakHeld} bytes held`);
    });
  }

  test('commits with If-None-Match: * so an existing blob is kept and TARGET_EXISTS names it', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('existing.bacpac');
    await blob.uploadData(Buffer.from('original'));

    await assert.rejects(writeStagedBlob(blob, Readable.from([Buffer.from('replacement')])), {
      name: 'StorageError',
      code: 'TARGET_EXISTS',
      message: `[TARGET_EXISTS] ${container.containerName}/existing.bacpac: a blob with this name already exists; choose another name or allow overwrite`,
    });
    assert.equal((await blob.downloadToBuffer()).toString(), 'original');

    await writeStagedBlob(blob, Readable.from([Buffer.from('replacement')]), { overwrite: true });
    assert.equal((await blob.downloadToBuffer()).toString(), 'replacement');
  });

  test('destroy() after staging blocks leaves no committed blob', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('abandoned.bacpac');
    const writer = createStagedBlobWriter(blob, { blockSize: 64 * KiB, maxBuffers: 2 });
    writer.on('error', () => undefined);
    writer.write(randomBytes(200 * KiB));
    await new Promise((resolve) => setImmediate(resolve));
    const closed = new Promise((resolve) => writer.on('close', resolve));
    writer.destroy(new Error('source database went away'));
    await closed;

    assert.equal(await blob.exists(), false);
    const uncommitted = await blob.getBlockList('uncommitted');
    assert.ok((uncommitted.uncommittedBlocks?.length ?? 0) >= 1, 'blocks were staged before destroy');
  });

  test('a failed Put Block fails the stream and nothing is committed', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('failed.bacpac');
    const target = observedTarget(blob, { failAtCall: 2 });
    await assert.rejects(
      writeStagedBlob(target, randomSource(1 * MiB, createHash('sha256')), { blockSize: 128 * KiB }),
      { message: 'Put Block 2 failed on purpose' },
    );
    assert.equal(await blob.exists(), false);
  });

  test('a failing source leaves no committed blob', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('failed-source.bacpac');
    async function* source(): AsyncGenerator<Buffer> {
      yield randomBytes(300 * KiB);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('row stream broke');
    }
    await assert.rejects(writeStagedBlob(blob, source(), { blockSize: 64 * KiB }), {
      message: 'row stream broke',
    });
    assert.equal(await blob.exists(), false);
  });

  test('an empty stream commits an empty blob', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('empty.bacpac');
    const result = await writeStagedBlob(blob, Readable.from([]));
    assert.deepEqual([result.bytesWritten, result.blockCount], [0, 0]);
    assert.equal((await blob.getProperties()).contentLength, 0);
  });

  test('rejects a block size above 4000 MiB and maxBuffers below 1', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('x.bacpac');
    assert.throws(() => createStagedBlobWriter(blob, { blockSize: 4000 * MiB + 1 }), {
      code: 'STORAGE_INVALID_RANGE',
      message: `[STORAGE_INVALID_RANGE] ${container.containerName}/x.bacpac: blockSize must be 1..4194304000, found 4194304001`,
    });
    assert.throws(() => createStagedBlobWriter(blob, { maxBuffers: 0 }), { code: 'STORAGE_INVALID_RANGE' });
  });
});

describe('StagedBlobWriter without commit', () => {
  test('stages blocks under the given ids and leaves no visible blob', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('uncommitted.bin');
    const ids = (i: number): string =>
      Buffer.from(`run00001p000003b${String(i).padStart(6, '0')}`).toString('base64');
    const writer = createStagedBlobWriter(blob, { blockSize: 4 * KiB, commit: false, blockId: ids });
    writer.end(Buffer.alloc(10 * KiB, 1));
    await once(writer, 'finish');
    assert.deepEqual(
      { blockCount: writer.committed?.blockCount, bytes: writer.committed?.bytesWritten },
      { blockCount: 3, bytes: 10 * KiB },
    );
    const names: string[] = [];
    for await (const item of container.listBlobsFlat()) names.push(item.name);
    assert.deepEqual(names, [], 'uncommitted blocks are not a blob');
    const list = await blob.getBlockList('uncommitted');
    assert.deepEqual(
      (list.uncommittedBlocks ?? []).map((b) => [Buffer.from(b.name, 'base64').toString(), b.size]),
      [
        ['run00001p000003b000000', 4 * KiB],
        ['run00001p000003b000001', 4 * KiB],
        ['run00001p000003b000002', 2 * KiB],
      ],
    );
  });
});
