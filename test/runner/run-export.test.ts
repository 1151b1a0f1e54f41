/**
 * The export pipeline end to end, without the Functions host: the same activities the orchestrator
 * schedules, sequenced in-process, re-exporting each real BACPAC fixture through the BACPAC-file
 * source into a real Azurite. The committed BACPAC must pass verify and carry the fixture's BCP
 * parts byte for byte.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyBacpac } from '../../src/bacpac/verify';
import { fileSource } from '../../src/bacpac/zip';
import { runExportLocally } from '../../src/runner/run-export';
import { createBacpacFileSource } from '../../src/source/bacpac-file';
import { fixturePath, listFixtures, readFixtureEntries } from '../helpers/fixtures';
import { blobNames, downloadToTemp, pipelineSetup } from './pipeline-helpers';

function bcpEntries(entries: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...entries].filter(([name]) => name.startsWith('Data/')));
}

describe('export pipeline over the real fixtures', () => {
  for (const fixture of listFixtures()) {
    test(`${fixture}: committed BACPAC verifies and its BCP parts equal the fixture's`, async (t) => {
      const setup = await pipelineSetup(t, () => createBacpacFileSource(fixturePath(fixture)));
      const request = setup.request(fixture.replace(/\.bacpac$/, '-copy.bacpac'));
      const result = await runExportLocally(request, setup.env, { runId: 'run-1' });

      assert.deepEqual(await blobNames(setup.staging), [], 'no staging blobs are left');
      assert.deepEqual(await blobNames(setup.targets), [request.target.blobName]);

      const file = await downloadToTemp(t, setup.targets, request.target.blobName);
      const source = await fileSource(file);
      const report = await verifyBacpac(source);
      await source.close?.();
      assert.deepEqual(
        report.problems.filter((p) => p.severity === 'error'),
        [],
      );
      assert.equal(report.ok, true);
      assert.equal(String(report.rowsTotal), result.rows);

      const original = bcpEntries(await readFixtureEntries(fixture));
      const copy = bcpEntries(await readFixtureEntries(file));
      assert.deepEqual([...copy.keys()].sort(), [...original.keys()].sort());
      for (const [name, bytes] of original) {
        assert.ok(copy.get(name)?.equals(bytes), `${name} differs from the fixture`);
      }
    });
  }
});

describe('export pipeline failure paths', () => {
  const northwind = fixturePath('Northwind.bacpac');

  test('a failing part leaves no BACPAC and no staging blobs, and the error names the table', async (t) => {
    const setup = await pipelineSetup(t, () =>
      createBacpacFileSource(northwind, {
        failOnPart: { table: 'dbo.Order Details', segment: 2, afterRows: 10 },
      }),
    );
    const request = setup.request('northwind.bacpac');
    await assert.rejects(
      runExportLocally(request, setup.env, {
        runId: 'run-fail',
        partRetryAttempts: 2,
        retryDelayMs: () => 1,
      }),
      (err: Error) => {
        assert.match(
          err.message,
          /^\[BACPAC_SOURCE_INJECTED_FAILURE\] dbo\.Order Details part \d+ \(segment 2\)/,
        );
        return true;
      },
    );
    assert.deepEqual(await blobNames(setup.targets), []);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('cancel mid-run leaves no BACPAC and no staging blobs', async (t) => {
    const setup = await pipelineSetup(t, () => createBacpacFileSource(northwind));
    const request = setup.request('northwind.bacpac', { maxParallelism: 1 });
    const controller = new AbortController();
    let sawExporting = false;
    await assert.rejects(
      runExportLocally(request, setup.env, {
        runId: 'run-cancel',
        onProgress: (p) => {
          if (p.phase === 'exporting' && p.partsDone >= 1 && !sawExporting) {
            sawExporting = true;
            controller.abort();
          }
        },
        signal: controller.signal,
      }),
      { message: /^\[EXPORT_CANCELLED\]/ },
    );
    assert.ok(sawExporting);
    assert.deepEqual(await blobNames(setup.targets), []);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('an existing target is not replaced without overwrite', async (t) => {
    const setup = await pipelineSetup(t, () =>
      createBacpacFileSource(fixturePath('devops-module12-database.bacpac')),
    );
    const request = setup.request('taken.bacpac');
    await setup.targets.getBlockBlobClient('taken.bacpac').upload('keep me', 7);
    await assert.rejects(runExportLocally(request, setup.env, { runId: 'run-exists' }), {
      message: /^\[TARGET_EXISTS\]/,
    });
    const kept = await setup.targets.getBlobClient('taken.bacpac').downloadToBuffer();
    assert.equal(kept.toString(), 'keep me');
    assert.deepEqual(await blobNames(setup.staging), []);
  });
});
