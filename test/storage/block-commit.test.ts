import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  blockIdFor,
  type BlockTarget,
  commitBlocks,
  MAX_BLOCK_BYTES,
  stageBlockFromUrlRange,
  stageBufferBlock,
} from '../../src/storage/block-commit';
import { createReadSasUrl } from '../../src/storage/sas';
import { testBlobService, withTestContainer } from '../helpers/azurite';

describe('blockIdFor', () => {
  test('is base64 of a six-digit counter, the same length for every block', () => {
    assert.equal(blockIdFor(0), 'MDAwMDAw'); // "000000"
    assert.equal(blockIdFor(1), 'MDAwMDAx'); // "000001"
    assert.equal(blockIdFor(49_999), 'MDQ5OTk5'); // "049999"
  });

  test('refuses the 50,001st block', () => {
    assert.throws(() => blockIdFor(50_000), {
      code: 'STORAGE_TOO_MANY_BLOCKS',
      message:
        '[STORAGE_TOO_MANY_BLOCKS] block index 50000 is outside 0..49999: a block blob holds at most 50000 blocks',
    });
    assert.throws(() => blockIdFor(-1), { code: 'STORAGE_TOO_MANY_BLOCKS' });
  });
});

describe('stageBufferBlock', () => {
  test("sends the block's MD5; the service refuses a block damaged on the way", async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('checked.bacpac');
    const sent: (Uint8Array | undefined)[] = [];
    const flipFirstBit: BlockTarget = {
      containerName: blob.containerName,
      name: blob.name,
      stageBlockFromURL: (...args) => blob.stageBlockFromURL(...args),
      commitBlockList: (...args) => blob.commitBlockList(...args),
      stageBlock: (id, body, length, options) => {
        sent.push(options?.transactionalContentMD5);
        const damaged = Buffer.from(body as Buffer);
        damaged[0]! ^= 1;
        return blob.stageBlock(id, damaged, length, options);
      },
    };
    await assert.rejects(
      stageBufferBlock(flipFirstBit, blockIdFor(0), Buffer.from('hello world')),
      (error: Error & { statusCode?: number; code?: string }) => {
        assert.equal(error.statusCode, 400);
        assert.equal(error.code, 'Md5Mismatch');
        return true;
      },
    );
    // MD5("hello world"), as `md5sum` prints it.
    assert.equal(Buffer.from(sent[0]!).toString('hex'), '5eb63bbbe01eeed093cb22bb8f5acdc3');

    await stageBufferBlock(blob, blockIdFor(0), Buffer.from('hello world'));
    await commitBlocks(blob, [blockIdFor(0)]);
    assert.equal((await blob.downloadToBuffer()).toString(), 'hello world');
  });
});

describe('commitBlocks', () => {
  test('commits staged blocks in the given order with the content type', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('ordered.bacpac');
    await stageBufferBlock(blob, blockIdFor(0), Buffer.from('world'));
    await stageBufferBlock(blob, blockIdFor(1), Buffer.from('hello '));
    const { etag } = await commitBlocks(blob, [blockIdFor(1), blockIdFor(0)], {
      contentType: 'application/zip',
      metadata: { runid: 'r1' },
    });
    assert.equal((await blob.downloadToBuffer()).toString(), 'hello world');
    const properties = await blob.getProperties();
    assert.equal(properties.etag, etag);
    assert.equal(properties.contentType, 'application/zip');
    assert.deepEqual(properties.metadata, { runid: 'r1' });
  });

  test('refuses to replace an existing blob with TARGET_EXISTS unless overwrite is set', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('taken.bacpac');
    await blob.uploadData(Buffer.from('first'));
    await stageBufferBlock(blob, blockIdFor(0), Buffer.from('second'));

    await assert.rejects(
      commitBlocks(blob, [blockIdFor(0)]),
      (error: Error & { code?: string; details?: unknown }) => {
        assert.equal(error.code, 'TARGET_EXISTS');
        assert.match(
          error.message,
          new RegExp(`^\\[TARGET_EXISTS\\] ${container.containerName}/taken\\.bacpac: `),
        );
        assert.deepEqual(error.details, { container: container.containerName, blobName: 'taken.bacpac' });
        return true;
      },
    );
    assert.equal((await blob.downloadToBuffer()).toString(), 'first');

    await commitBlocks(blob, [blockIdFor(0)], { overwrite: true });
    assert.equal((await blob.downloadToBuffer()).toString(), 'second');
  });

  test('passes other service errors through unchanged', async (t) => {
    const container = await withTestContainer(t);
    const blob = container.getBlockBlobClient('missing-block.bacpac');
    await assert.rejects(commitBlocks(blob, [blockIdFor(7)]), (error: Error & { statusCode?: number }) => {
      assert.equal(error.statusCode, 400); // InvalidBlockList: the block was never staged
      return true;
    });
  });
});

describe('stageBlockFromUrlRange', () => {
  test('copies byte ranges of another blob through a read SAS', async (t) => {
    const container = await withTestContainer(t);
    const service = await testBlobService();
    const source = container.getBlockBlobClient('parts/00001.bcp');
    const bytes = randomBytes(300_000);
    await source.uploadData(bytes);
    const sourceUrl = await createReadSasUrl(source, service);

    const target = container.getBlockBlobClient('assembled.bacpac');
    await stageBlockFromUrlRange(target, blockIdFor(0), sourceUrl, 100_000, 200_000);
    await stageBlockFromUrlRange(target, blockIdFor(1), sourceUrl, 0, 100_000);
    await commitBlocks(target, [blockIdFor(0), blockIdFor(1)]);
    assert.deepEqual(
      await target.downloadToBuffer(),
      Buffer.concat([bytes.subarray(100_000), bytes.subarray(0, 100_000)]),
    );
  });

  test('fails without a SAS, and the error message does not leak the signature', async (t) => {
    const container = await withTestContainer(t);
    const source = container.getBlockBlobClient('private.bin');
    await source.uploadData(randomBytes(1000));
    const target = container.getBlockBlobClient('copy.bin');
    await assert.rejects(stageBlockFromUrlRange(target, blockIdFor(0), source.url, 0, 1000), {
      code: 'STORAGE_COPY_FAILED',
    });

    const forged = `${source.url}?sv=2020-08-04&sr=b&sp=r&se=2099-01-01&sig=NOTAVALIDSIGNATURE`;
    await assert.rejects(stageBlockFromUrlRange(target, blockIdFor(0), forged, 0, 1000), (error: Error) => {
      assert.match(
        error.message,
        new RegExp(
          `^\\[STORAGE_COPY_FAILED\\] ${container.containerName}/copy\\.bin: staging bytes 0\\.\\.999 of ` +
            `http://127\\.0\\.0\\.1:\\d+/devstoreaccount1/${container.containerName}/private\\.bin\\?<redacted> failed \\(HTTP \\d{3} `,
        ),
      );
      assert.doesNotMatch(inspect(error, { depth: 10, showHidden: true }), /NOTAVALIDSIGNATURE/);
      return true;
    });
  });

  test('validates the range before calling the service', async (t) => {
    const container = await withTestContainer(t);
    const target = container.getBlockBlobClient('t.bacpac');
    const where = `${container.containerName}/t.bacpac`;
    await assert.rejects(
      stageBlockFromUrlRange(target, blockIdFor(0), 'https://x/y', 0, MAX_BLOCK_BYTES + 1),
      {
        message: `[STORAGE_INVALID_RANGE] ${where}: a block range holds at most 4194304000 bytes (4000 MiB), found 4194304001`,
      },
    );
    await assert.rejects(stageBlockFromUrlRange(target, blockIdFor(0), 'https://x/y', -1, 10), {
      message: `[STORAGE_INVALID_RANGE] ${where}: a block range needs a whole offset >= 0 and count >= 1, found offset -1, count 10`,
    });
    await assert.rejects(stageBlockFromUrlRange(target, blockIdFor(0), 'https://x/y', 0, 0), {
      code: 'STORAGE_INVALID_RANGE',
    });
  });
});
