/**
 * The two ways the blob target assembles a BACPAC: copying staged parts server-side (Put Block From
 * URL, range by range) and streaming them through this process. Both must give the same bytes, both
 * must verify, and the server-side path must move only headers and small parts through the process.
 * Runs against a real Azurite.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test, type TestContext } from 'node:test';
import { runExportLocally } from '../../src/runner/run-export';
import { createBacpacFileSource } from '../../src/source/bacpac-file';
import { createSyntheticSource } from '../../src/source/synthetic';
import type { ExportSource } from '../../src/source/types';
import type { BlobBacpacTargetOptions } from '../../src/storage/blob-bacpac-target';
import { fixturePath } from '../helpers/fixtures';
import { downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';
import { committedBlocks, errorsOf, recordingCommits, verifyFile } from './speed-helpers';

const KiB = 1024;

/** Parts of 1 KiB and more are copied by URL, in ranges of at most 4 KiB. */
const SERVER_SIDE: BlobBacpacTargetOptions = {
  directParts: false,
  serverSideCopy: true,
  mergeBelowBytes: KiB,
  copyRangeBytes: 4 * KiB,
};
const STREAMING: BlobBacpacTargetOptions = { directParts: false, serverSideCopy: false };

interface Assembled {
  readonly file: string;
  readonly bytes: Buffer;
  readonly bytesMoved: number;
  readonly sizeBytes: number;
  readonly blocks: { name: string; size: number }[];
  readonly rows: string;
}

async function exportWith(
  t: TestContext,
  openSource: () => ExportSource,
  targetOptions: BlobBacpacTargetOptions,
  splitRowThreshold: number,
): Promise<Assembled> {
  const setup = await pipelineSetup(t, openSource, targetOptions);
  // The cancel check of the pipeline helpers runs before every row (one request each); the default
  // interval keeps this test about assembly.
  const { env, commits } = recordingCommits({ ...setup.env, cancelCheckIntervalMs: 2000 });
  const request = setup.request('paths.bacpac', { splitRowThreshold });
  // The same run id and clock on both paths: Origin.xml and _rels/.rels derive from them.
  const result = await runExportLocally(request, env, { runId: 'run-paths' });
  const file = await downloadToTemp(t, setup.targets, 'paths.bacpac');
  const commit = commits[0];
  assert.ok(commit !== undefined && commits.length === 1, 'the target commits exactly once');
  return {
    file,
    bytes: readFileSync(file),
    bytesMoved: commit.bytesMoved,
    sizeBytes: commit.sizeBytes,
    blocks: await committedBlocks(setup.targets, 'paths.bacpac'),
    rows: result.rows,
  };
}

async function assertSameArchive(
  t: TestContext,
  openSource: () => ExportSource,
  splitRowThreshold: number,
): Promise<{ serverSide: Assembled; streamed: Assembled }> {
  const serverSide = await exportWith(t, openSource, SERVER_SIDE, splitRowThreshold);
  const streamed = await exportWith(t, openSource, STREAMING, splitRowThreshold);

  assert.equal(serverSide.bytes.length, serverSide.sizeBytes);
  assert.ok(serverSide.bytes.equals(streamed.bytes), 'both paths commit the same bytes');

  for (const assembled of [serverSide, streamed]) {
    const report = await verifyFile(assembled.file);
    assert.deepEqual(errorsOf(report), []);
    assert.equal(report.ok, true);
    assert.equal(String(report.rowsTotal), assembled.rows);
  }

  // Streaming moves every byte; server-side only headers, small parts and the central directory.
  assert.equal(streamed.bytesMoved, streamed.sizeBytes);
  assert.ok(
    serverSide.bytesMoved * 4 < serverSide.sizeBytes,
    `server-side moved ${serverSide.bytesMoved} of ${serverSide.sizeBytes} bytes`,
  );
  // Copied parts are split into ranges of exactly copyRangeBytes (the last range of a part shorter).
  const fullRanges = serverSide.blocks.filter((b) => b.size === SERVER_SIDE.copyRangeBytes).length;
  assert.ok(fullRanges >= 8, `expected several full 4 KiB copy ranges, found ${fullRanges}`);
  const blockTotal = serverSide.blocks.reduce((sum, b) => sum + b.size, 0);
  assert.equal(blockTotal, serverSide.sizeBytes);
  return { serverSide, streamed };
}

describe('server-side copy and streaming assemble the same BACPAC', () => {
  test('Northwind re-exported through the BACPAC-file source', async (t) => {
    const { serverSide } = await assertSameArchive(
      t,
      () => createBacpacFileSource(fixturePath('Northwind.bacpac')),
      1_000_000,
    );
    assert.equal(serverSide.rows, '3308');
  });

  test('the synthetic demo database, tables split into several parts', async (t) => {
    const { serverSide } = await assertSameArchive(
      t,
      () => createSyntheticSource({ seed: 11, scale: 2 }),
      400,
    );
    assert.ok(BigInt(serverSide.rows) > 5000n, `rows ${serverSide.rows}`);
  });
});
