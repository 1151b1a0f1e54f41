/**
 * Data parts staged directly as uncommitted blocks of the target blob: the BACPAC must be
 * byte-identical to the one the copy path assembles from staging, and no part byte may travel
 * through Put Block From URL. Runs against a real Azurite.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test, type TestContext } from 'node:test';
import { BlockBlobClient, type ContainerClient } from '@azure/storage-blob';
import { runExportLocally } from '../../src/runner/run-export';
import { createBacpacFileSource } from '../../src/source/bacpac-file';
import { createBlobBacpacTarget, type BlobBacpacTargetOptions } from '../../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../../src/storage/blob-staging-store';
import { testBlobService, withTestContainer } from '../helpers/azurite';
import { fixturePath } from '../helpers/fixtures';
import type { ExportSource } from '../../src/source/types';
import { blobNames, downloadToTemp, pipelineSetup, type PipelineSetup } from '../runner/pipeline-helpers';
import { committedBlocks, errorsOf, verifyFile } from './speed-helpers';

const KiB = 1024;

interface Exported {
  readonly bytes: Buffer;
  readonly file: string;
  readonly copiedFrom: string[];
  readonly blockNames: string[];
}

const NORTHWIND = fixturePath('Northwind.bacpac');

/** What a recording block blob client saw. */
interface Recorded {
  /** Source blob names of every Put Block From URL, one per copied range. */
  readonly copiedFrom: string[];
  /** Decoded ids of every block staged from bytes. */
  readonly staged: string[];
}

/** A block blob client that records every Put Block and Put Block From URL. */
function recording(blob: BlockBlobClient, seen: Recorded): BlockBlobClient {
  return new Proxy(blob, {
    get(target, key, receiver) {
      if (key === 'stageBlockFromURL') {
        return (...args: Parameters<BlockBlobClient['stageBlockFromURL']>) => {
          seen.copiedFrom.push(new URL(args[1]).pathname);
          return target.stageBlockFromURL(...args);
        };
      }
      if (key === 'stageBlock') {
        return (...args: Parameters<BlockBlobClient['stageBlock']>) => {
          seen.staged.push(Buffer.from(args[0], 'base64').toString('ascii'));
          return target.stageBlock(...args);
        };
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Ids of data-part blocks written straight into the target. */
const PART_BLOCK = /^[0-9a-f]{8}p\d{6}b\d{6}$/;

/** The target's uncommitted blocks (none when the service knows no such blob). */
async function uncommittedCount(targets: ContainerClient, name: string): Promise<number> {
  try {
    const list = await targets.getBlockBlobClient(name).getBlockList('uncommitted');
    return list.uncommittedBlocks?.length ?? 0;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return 0;
    throw error;
  }
}

/** Pipeline set-up whose target records what it is sent. */
async function recordedSetup(
  t: TestContext,
  source: () => ExportSource,
  options: BlobBacpacTargetOptions,
): Promise<PipelineSetup & { seen: Recorded }> {
  const setup = await pipelineSetup(t, source);
  const seen: Recorded = { copiedFrom: [], staged: [] };
  const env = {
    ...setup.env,
    openTarget: (spec: { blobName: string }) =>
      createBlobBacpacTarget(recording(setup.targets.getBlockBlobClient(spec.blobName), seen), options),
  };
  return { ...setup, env, seen };
}

async function exportNorthwind(t: TestContext, options: BlobBacpacTargetOptions): Promise<Exported> {
  const setup = await recordedSetup(t, () => createBacpacFileSource(NORTHWIND), options);
  await runExportLocally(setup.request('direct.bacpac'), setup.env, { runId: 'run-direct' });
  const file = await downloadToTemp(t, setup.targets, 'direct.bacpac');
  const blocks = await committedBlocks(setup.targets, 'direct.bacpac');
  assert.deepEqual(await blobNames(setup.staging), [], 'staging is cleaned up');
  return {
    bytes: readFileSync(file),
    file,
    copiedFrom: setup.seen.copiedFrom,
    blockNames: blocks.map((b) => Buffer.from(b.name, 'base64').toString('ascii')),
  };
}

/** No part went into the target directly; parts were copied from staging; the BACPAC verifies. */
async function assertPartsStaged(
  t: TestContext,
  setup: PipelineSetup & { seen: Recorded },
  blobName: string,
): Promise<void> {
  assert.deepEqual(
    setup.seen.staged.filter((id) => PART_BLOCK.test(id)),
    [],
    'no part was written into the target directly',
  );
  assert.ok(
    setup.seen.copiedFrom.some((p) => p.includes('/parts/')),
    'parts were copied from staging',
  );
  const report = await verifyFile(await downloadToTemp(t, setup.targets, blobName));
  assert.deepEqual(errorsOf(report), []);
  assert.equal(String(report.rowsTotal), '3308');
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
    const partBlocks = direct.blockNames.filter((n) => PART_BLOCK.test(n));
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

  test('a failing run drops the blocks its parts wrote into the target: no blob, no uncommitted block', async (t) => {
    const setup = await recordedSetup(
      t,
      () =>
        createBacpacFileSource(NORTHWIND, {
          failOnPart: { table: 'dbo.Order Details', segment: 2, afterRows: 10 },
        }),
      { mergeBelowBytes: KiB },
    );
    await assert.rejects(
      runExportLocally(setup.request('failed.bacpac'), setup.env, {
        runId: 'run-direct-fail',
        partRetryAttempts: 1,
      }),
      { message: /^\[BACPAC_SOURCE_INJECTED_FAILURE\] dbo\.Order Details part \d+ \(segment 2\)/ },
    );
    const partBlocks = setup.seen.staged.filter((id) => PART_BLOCK.test(id));
    assert.ok(partBlocks.length > 0, 'parts wrote blocks straight into the target before the failure');
    assert.equal(await uncommittedCount(setup.targets, 'failed.bacpac'), 0);
    assert.deepEqual(await blobNames(setup.targets), []);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('a cancelled run drops the blocks its parts wrote into the target', async (t) => {
    const setup = await recordedSetup(t, () => createBacpacFileSource(NORTHWIND), { mergeBelowBytes: KiB });
    const controller = new AbortController();
    await assert.rejects(
      runExportLocally(setup.request('cancelled.bacpac', { maxParallelism: 1 }), setup.env, {
        runId: 'run-direct-cancel',
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'exporting' && setup.seen.staged.some((id) => PART_BLOCK.test(id))) {
            controller.abort();
          }
        },
      }),
      { message: /^\[EXPORT_CANCELLED\]/ },
    );
    assert.ok(
      setup.seen.staged.some((id) => PART_BLOCK.test(id)),
      'a part was written into the target',
    );
    assert.equal(await uncommittedCount(setup.targets, 'cancelled.bacpac'), 0);
    assert.deepEqual(await blobNames(setup.targets), []);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('overwriting an existing archive stages parts instead: a failure could not drop blocks from it', async (t) => {
    const setup = await recordedSetup(t, () => createBacpacFileSource(NORTHWIND), { mergeBelowBytes: KiB });
    await setup.targets.getBlockBlobClient('again.bacpac').upload('last night', 10);
    await runExportLocally(setup.request('again.bacpac', { overwrite: true }), setup.env, {
      runId: 'run-overwrite',
    });
    await assertPartsStaged(t, setup, 'again.bacpac');
  });

  test('an existing target without overwrite is refused by the planner, before any part runs', async (t) => {
    const setup = await recordedSetup(t, () => createBacpacFileSource(NORTHWIND), { mergeBelowBytes: KiB });
    await setup.targets.getBlockBlobClient('taken.bacpac').upload('keep me', 7);
    await assert.rejects(runExportLocally(setup.request('taken.bacpac'), setup.env, { runId: 'run-taken' }), {
      message:
        /^\[TARGET_EXISTS\] .*taken\.bacpac already exists; choose another name or set options\.overwrite/,
    });
    assert.deepEqual(setup.seen.staged, [], 'nothing was written into the target');
    assert.equal(
      (await setup.targets.getBlobClient('taken.bacpac').downloadToBuffer()).toString(),
      'keep me',
    );
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('a container whose blobs cannot be deleted gets staged parts: a failed run could not drop its blocks', async (t) => {
    const setup = await recordedSetup(t, () => createBacpacFileSource(NORTHWIND), { mergeBelowBytes: KiB });
    const env = {
      ...setup.env,
      openTarget: (spec: Parameters<typeof setup.env.openTarget>[0]) => ({
        ...setup.env.openTarget(spec),
        directPartsRefusal: () => Promise.resolve('the container has a legal hold'),
      }),
    };
    await runExportLocally(setup.request('held.bacpac'), env, { runId: 'run-held' });
    await assertPartsStaged(t, setup, 'held.bacpac');
  });

  test('the planner sends parts through staging when the database may not fit the block limit', () => {
    const blob = new BlockBlobClient('http://127.0.0.1:1/devstoreaccount1/c/x.bacpac');
    const target = createBlobBacpacTarget(blob);
    const GiB = 1024n ** 3n;
    // 50,000 blocks of 8 MiB hold 390.6 GiB; every part may waste one block, the assembler needs ~100.
    assert.equal(target.directPartsFit?.(300n * GiB, 1000), true);
    assert.equal(target.directPartsFit?.(380n * GiB, 1000), false);
    assert.equal(target.directPartsFit?.(1n * GiB, 25_000), false);
    assert.equal('directPartsFit' in createBlobBacpacTarget(blob, { directParts: false }), false);
  });
});
