/**
 * Data parts staged directly as uncommitted blocks of the target blob: the BACPAC must be
 * byte-identical to the one the copy path assembles from staging, and no part byte may travel
 * through Put Block From URL. Runs against a real Azurite.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test, type TestContext } from 'node:test';
import type { BlockBlobClient } from '@azure/storage-blob';
import { runExportLocally } from '../../src/runner/run-export';
import { createBacpacFileSource } from '../../src/source/bacpac-file';
import { createBlobBacpacTarget, type BlobBacpacTargetOptions } from '../../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../../src/storage/blob-staging-store';
import { testBlobService, withTestContainer } from '../helpers/azurite';
import { fixturePath } from '../helpers/fixtures';
import { blobNames, downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';
import { committedBlocks, errorsOf, verifyFile } from './speed-helpers';

const KiB = 1024;

interface Exported {
  readonly bytes: Buffer;
  readonly file: string;
  /** Source blob names of every Put Block From URL, one per copied range. */
  readonly copiedFrom: string[];
  readonly blockNames: string[];
}

/** A block blob client that records the source of every Put Block From URL. */
function recordingCopies(blob: BlockBlobClient, copiedFrom: string[]): BlockBlobClient {
  return new Proxy(blob, {
    get(target, key, receiver) {
      if (key === 'stageBlockFromURL') {
        return (...args: Parameters<BlockBlobClient['stageBlockFromURL']>) => {
          copiedFrom.push(new URL(args[1]).pathname);
          return target.stageBlockFromURL(...args);
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function exportNorthwind(t: TestContext, options: BlobBacpacTargetOptions): Promise<Exported> {
  const setup = await pipelineSetup(t, () => createBacpacFileSource(fixturePath('Northwind.bacpac')));
  const copiedFrom: string[] = [];
  const env = {
    ...setup.env,
    cancelCheckIntervalMs: 2000,
    openTarget: (spec: { blobName: string }) =>
      createBlobBacpacTarget(
        recordingCopies(setup.targets.getBlockBlobClient(spec.blobName), copiedFrom),
        options,
      ),
  };
  await runExportLocally(setup.request('direct.bacpac'), env, { runId: 'run-direct' });
  const file = await downloadToTemp(t, setup.targets, 'direct.bacpac');
  const blocks = await committedBlocks(setup.targets, 'direct.bacpac');
  assert.deepEqual(await blobNames(setup.staging), [], 'staging is cleaned up');
  return {
    bytes: readFileSync(file),
    file,
    copiedFrom,
    blockNames: blocks.map((b) => Buffer.from(b.name, 'base64').toString('ascii')),
  };
}

describe('data parts staged directly into the target blob', () => {
  test('Northwind: the direct path and the copy path commit byte-identical BACPACs', async (t) => {
    // Everything of 1 KiB and more is copied by URL, so both paths would copy parts if they could.
    const copy = await exportNorthwind(t, { directParts: false, mergeBelowBytes: KiB });
    const direct = await exportNorthwind(t, { mergeBelowBytes: KiB });

    assert.ok(direct.bytes.equals(copy.bytes), 'both paths commit the same bytes');
    const report = await verifyFile(direct.file);
    assert.deepEqual(errorsOf(report), []);
    assert.equal(String(report.rowsTotal), '3308');

    const partCopies = (copied: string[]): string[] => copied.filter((p) => p.includes('/parts/'));
    assert.ok(partCopies(copy.copiedFrom).length > 0, 'the copy path copies parts by URL');
    assert.deepEqual(partCopies(direct.copiedFrom), [], 'the direct path copies no part by URL');

    // Part blocks are listed under the run's tag; the assembler's blocks share their id length.
    const partBlocks = direct.blockNames.filter((n) => /^[0-9a-f]{8}p\d{6}b\d{6}$/.test(n));
    const ownBlocks = direct.blockNames.filter((n) => /^[0-9a-f]{8}h\d{6}b000000$/.test(n));
    assert.ok(partBlocks.length >= 10, `${partBlocks.length} part blocks committed`);
    assert.equal(partBlocks.length + ownBlocks.length, direct.blockNames.length);
  });

  test('an archive over the block limit fails up front with [STORAGE_TOO_MANY_BLOCKS] and commits nothing', async (t) => {
    const service = await testBlobService();
    const staging = await withTestContainer(t);
    const targets = await withTestContainer(t);
    const store = createBlobStagingStore(service, staging.containerName);
    const target = createBlobBacpacTarget(targets.getBlockBlobClient('over.bacpac'), { maxBlocks: 10 });
    const writer = target.createPartWriter?.(0, 'abcdef12');
    assert.ok(writer !== undefined, 'a blob target offers part writers');
    writer.stream.end(Buffer.alloc(100, 7));
    assert.deepEqual(await writer.staged, { blockCount: 1, bytes: 100 });

    await assert.rejects(
      target.commit(
        [
          { kind: 'bytes', data: Buffer.from('header') },
          { kind: 'target-blocks', runTag: 'abcdef12', partIndex: 0, blockCount: 12, size: 100 },
          { kind: 'bytes', data: Buffer.from('trailer') },
        ],
        store,
        { overwrite: false },
      ),
      (err: Error) =>
        /^\[STORAGE_TOO_MANY_BLOCKS\] .*needs 14 blocks, more than the limit of 10 /.test(err.message),
    );
    assert.deepEqual(await blobNames(targets), [], 'no blob was committed');
  });
});
