/**
 * An archive run end to end without the Functions host: a real fixture exported through the
 * BACPAC-file source into Azurite under the job's archive name, then retention over the job's earlier
 * archives, then the history record.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import { readRunRecord } from '../../src/archival/archive-history';
import type { ArchiveJob } from '../../src/archival/archive-job';
import { runArchiveLocally } from '../../src/archival/run-archive-locally';
import { verifyBacpac } from '../../src/bacpac/verify';
import { fileSource } from '../../src/bacpac/zip';
import { createBacpacFileSource } from '../../src/source/bacpac-file';
import { withTestContainer } from '../helpers/azurite';
import { fixturePath } from '../helpers/fixtures';
import { blobNames, downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';

const FIXTURE = 'bacpactod-Test.bacpac';
const EARLIER = [
  'nightly-fixture-20261122T020000Z.bacpac',
  'nightly-fixture-20261123T020000Z.bacpac',
  'nightly-fixture-20261124T020000Z.bacpac',
];
const NOT_OURS = [
  'nightly-fixture-eu-20261101T020000Z.bacpac',
  'weekly-fixture-20261101T020000Z.bacpac',
  'fixture-20261101T020000Z.bacpac',
  'nightly-fixture-manual.bacpac',
];

async function seed(container: ContainerClient, names: readonly string[]): Promise<void> {
  for (const name of names) await container.getBlockBlobClient(name).upload('old', 3);
}

describe('runArchiveLocally', () => {
  test('exports under the archive name, keeps the newest keepLast, leaves other names, records the run', async (t) => {
    const setup = await pipelineSetup(t, () => createBacpacFileSource(fixturePath(FIXTURE)));
    const history = await withTestContainer(t);
    const base = setup.request('unused.bacpac');
    const job: ArchiveJob = {
      name: 'nightly-fixture',
      source: base.source,
      target: {
        accountUrl: base.target.accountUrl,
        container: setup.targets.containerName,
        prefix: 'nightly-',
      },
      options: base.options,
      retention: { keepLast: 2 },
    };
    await seed(setup.targets, [...EARLIER, ...NOT_OURS]);
    const logged: string[] = [];

    const record = await runArchiveLocally(job, new Date('2026-11-25T02:00:00Z'), setup.env, {
      runId: 'archive-run-1',
      target: setup.targets,
      history,
      now: () => new Date('2026-11-25T02:10:00Z'),
      log: (m) => logged.push(m),
    });

    const archive = 'nightly-fixture-20261125T020000Z.bacpac';
    assert.deepEqual(
      (await blobNames(setup.targets)).sort(),
      [archive, 'nightly-fixture-20261124T020000Z.bacpac', ...NOT_OURS].sort(),
    );
    assert.deepEqual(await blobNames(setup.staging), [], 'no staging blobs are left');
    assert.equal(logged.length, 2);
    assert.match(
      logged[0]!,
      /deleted t-[0-9a-f]+\/nightly-fixture-20261123T020000Z\.bacpac \(archived 2026-11-23T02:00:00\.000Z; beyond the 2 newest\)$/,
    );

    const file = await downloadToTemp(t, setup.targets, archive);
    const source = await fileSource(file);
    const report = await verifyBacpac(source);
    await source.close?.();
    assert.equal(report.ok, true);

    assert.equal(record.outcome, 'succeeded');
    assert.equal(record.instanceId, 'archive-nightly-fixture-202611250200');
    assert.equal(record.blob, archive);
    assert.equal(record.rows, String(report.rowsTotal));
    assert.deepEqual(
      record.deletions?.map((d) => d.name),
      ['nightly-fixture-20261123T020000Z.bacpac', 'nightly-fixture-20261122T020000Z.bacpac'],
    );
    assert.deepEqual(await readRunRecord(history, 'nightly-fixture', '202611250200'), record);
  });

  test('a failed export is recorded, rethrown, and retention deletes nothing', async (t) => {
    const setup = await pipelineSetup(t, () =>
      createBacpacFileSource(fixturePath('Northwind.bacpac'), {
        failOnPart: { table: 'dbo.Order Details', segment: 2, afterRows: 10 },
      }),
    );
    const history = await withTestContainer(t);
    const base = setup.request('unused.bacpac');
    const job: ArchiveJob = {
      name: 'nightly-fixture',
      source: base.source,
      target: {
        accountUrl: base.target.accountUrl,
        container: setup.targets.containerName,
        prefix: 'nightly-',
      },
      options: base.options,
      retention: { keepLast: 1 },
    };
    await seed(setup.targets, EARLIER);
    await assert.rejects(
      runArchiveLocally(job, new Date('2026-11-25T02:00:00Z'), setup.env, {
        runId: 'archive-run-2',
        target: setup.targets,
        history,
      }),
      /\[BACPAC_SOURCE_INJECTED_FAILURE\]/,
    );
    assert.deepEqual((await blobNames(setup.targets)).sort(), [...EARLIER]);
    const record = await readRunRecord(history, 'nightly-fixture', '202611250200');
    assert.equal(record?.outcome, 'failed');
    assert.match(record?.error ?? '', /^\[BACPAC_SOURCE_INJECTED_FAILURE\] dbo\.Order Details part \d+/);
  });
});
