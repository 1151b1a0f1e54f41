/**
 * A block blob holds at most 50,000 committed blocks, so a database of many tiny parts must not cost
 * one block per part. The blob target merges staged parts below `mergeBelowBytes` into the blocks it
 * writes itself; this exports the demo database split into hundreds of tiny parts into a real Azurite and
 * counts the committed blocks.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { runExportLocally } from '../../src/runner/run-export';
import { createSyntheticSource } from '../../src/source/synthetic';
import type { BlobBacpacTargetOptions } from '../../src/storage/blob-bacpac-target';
import { downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';
import { committedBlocks, errorsOf, recordingCommits, verifyFile } from './speed-helpers';

/** Rows per part: at most a few KB of BCP each, so the demo database splits into about 200 parts. */
const ROWS_PER_PART = 20;

async function exportTinyParts(
  t: TestContext,
  targetOptions: BlobBacpacTargetOptions | undefined,
): Promise<{ parts: number; blocks: { size: number }[]; sizeBytes: number; file: string }> {
  const setup = await pipelineSetup(t, () => createSyntheticSource({ seed: 5 }), targetOptions);
  const { env, commits } = recordingCommits({ ...setup.env, cancelCheckIntervalMs: 2000 });
  const request = setup.request('tiny.bacpac', { splitRowThreshold: ROWS_PER_PART, maxParallelism: 8 });
  const result = await runExportLocally(request, env, { runId: 'run-tiny' });
  return {
    parts: result.manifests.length,
    blocks: await committedBlocks(setup.targets, 'tiny.bacpac'),
    sizeBytes: commits[0]?.sizeBytes ?? -1,
    file: await downloadToTemp(t, setup.targets, 'tiny.bacpac'),
  };
}

describe('many tiny parts', () => {
  test('are merged into a few blocks by default, and the archive verifies', async (t) => {
    const merged = await exportTinyParts(t, undefined);
    assert.ok(merged.parts >= 150, `expected at least 150 parts, found ${merged.parts}`);
    // The whole archive is well under one 8 MiB block: headers and parts all merge into one.
    assert.ok(merged.sizeBytes < 8 * 1024 * 1024);
    assert.equal(merged.blocks.length, 1);
    assert.equal(merged.blocks[0]?.size, merged.sizeBytes);

    const report = await verifyFile(merged.file);
    assert.deepEqual(errorsOf(report), []);
    assert.equal(report.dataPartCount, merged.parts);
  });

  test('without merging, every part and every header between parts costs a block', async (t) => {
    // The contrast that shows the merge matters: 1-byte threshold, every part copied by URL.
    const unmerged = await exportTinyParts(t, { mergeBelowBytes: 1 });
    // model.xml and each data part are copied; DacMetadata.xml, the headers between them and the
    // trailer are written: at least one block per staged file plus one between each pair.
    assert.ok(
      unmerged.blocks.length >= 2 * unmerged.parts + 1,
      `${unmerged.blocks.length} blocks for ${unmerged.parts} parts`,
    );
  });
});
