/**
 * `consistency: "copy"` in the in-process runner: a BACPAC-file source stands in for the Azure SQL
 * Database copy (the environment opens it only when the request names the copy), and an in-memory
 * DatabaseCopyOps plays the server's copies (see its file for why that is a double of our interface).
 * Staging and the target are a real Azurite.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import type { ExportEnvironment } from '../../src/activities';
import { readDacMetadata } from '../../src/bacpac/package/dac-metadata';
import { verifyBacpac } from '../../src/bacpac/verify';
import { fileSource } from '../../src/bacpac/zip';
import { runExportLocally, type LocalProgress } from '../../src/runner/run-export';
import { createBacpacFileSource, type FailOnPart } from '../../src/source/bacpac-file';
import { fixturePath, readFixtureEntry } from '../helpers/fixtures';
import {
  inMemoryDatabaseCopies,
  type InMemoryCopiesOptions,
} from '../activities/helpers/in-memory-database-copies';
import { blobNames, downloadToTemp, pipelineSetup } from './pipeline-helpers';

const RUN_ID = 'run-copy-1';
const COPY = 'Sales_bacpac_runcopy1';
const FAST_WAIT = { firstPollMs: 1, maxPollMs: 4, maxWaitMs: 60_000 };

async function copySetup(
  t: TestContext,
  fixture: string,
  copyOptions: InMemoryCopiesOptions = {},
  failOnPart?: FailOnPart,
) {
  const setup = await pipelineSetup(t, () => {
    throw new Error('replaced below');
  });
  const copies = inMemoryDatabaseCopies(copyOptions);
  const opened: string[] = [];
  const env: ExportEnvironment = {
    ...setup.env,
    databaseCopies: copies,
    openSource: (spec) => {
      opened.push(spec.database);
      if (!copies.copies.has(spec.database)) {
        return Promise.reject(new Error(`[SQL_ERROR] 4060 Cannot open database "${spec.database}"`));
      }
      return Promise.resolve(createBacpacFileSource(fixturePath(fixture), failOnPart ? { failOnPart } : {}));
    },
  };
  const base = setup.request('sales.bacpac', { consistency: 'copy' });
  const request = {
    ...base,
    source: { ...base.source, server: 'sql1.database.windows.net', database: 'Sales' },
  };
  return { setup, copies, opened, env, request };
}

describe('runExportLocally with consistency "copy"', () => {
  test('copies, waits until online, exports the copy under the original name, then drops it', async (t) => {
    const { setup, copies, opened, env, request } = await copySetup(t, 'devops-module12-database.bacpac', {
      pollsUntilOnline: 2,
    });
    const phases: LocalProgress['phase'][] = [];
    const result = await runExportLocally(request, env, {
      runId: RUN_ID,
      copyWait: FAST_WAIT,
      onProgress: (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    });
    assert.deepEqual(phases, ['copying', 'planning', 'exporting', 'assembling', 'cleaning-up', 'done']);
    assert.deepEqual(copies.calls, [
      'engineEdition sql1.database.windows.net',
      `start Sales -> ${COPY}`,
      `status ${COPY}`,
      `status ${COPY}`,
      `status ${COPY}`,
      `drop ${COPY}`,
    ]);
    assert.equal(copies.copies.size, 0, 'the copy is gone');
    assert.ok(opened.length >= 2, 'plan and parts opened the source');
    assert.deepEqual([...new Set(opened)], [COPY], 'every activity read the copy, never Sales itself');
    assert.equal(result.consistent, true);
    assert.equal(result.copyDatabase, COPY);

    const file = await downloadToTemp(t, setup.targets, 'sales.bacpac');
    // The stand-in's own DacMetadata name is c25onprem-on-premises-db; the export records the original's.
    assert.equal(readDacMetadata(await readFixtureEntry(file, 'DacMetadata.xml')).name, 'Sales');
    const source = await fileSource(file);
    const report = await verifyBacpac(source);
    await source.close?.();
    assert.equal(report.ok, true);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('a failing part fails the run, and the copy is still dropped', async (t) => {
    const { setup, copies, env, request } = await copySetup(
      t,
      'Northwind.bacpac',
      { pollsUntilOnline: 0 },
      {
        table: 'dbo.Order Details',
        segment: 2,
        afterRows: 10,
      },
    );
    await assert.rejects(
      runExportLocally(request, env, {
        runId: RUN_ID,
        copyWait: FAST_WAIT,
        partRetryAttempts: 1,
      }),
      { message: /^\[BACPAC_SOURCE_INJECTED_FAILURE\] dbo\.Order Details part \d+ \(segment 2\)/ },
    );
    assert.equal(copies.calls.at(-1), `drop ${COPY}`);
    assert.equal(copies.copies.size, 0);
    assert.deepEqual(await blobNames(setup.targets), []);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('off Azure SQL Database the run is refused before any copy or read, and nothing is dropped', async (t) => {
    const { copies, opened, env, request } = await copySetup(t, 'devops-module12-database.bacpac', {
      engineEdition: 2,
    });
    await assert.rejects(runExportLocally(request, env, { runId: RUN_ID, copyWait: FAST_WAIT }), {
      message:
        '[CONSISTENCY_UNSUPPORTED] sql1.database.windows.net/Sales: consistency "copy" needs Azure SQL ' +
        'Database (engine edition 5), found engine edition 2 (Standard); use "snapshot" or "none"',
    });
    assert.deepEqual(copies.calls, ['engineEdition sql1.database.windows.net']);
    assert.deepEqual(opened, []);
  });

  test('a copy that fails on the server fails the run with [COPY_FAILED] and is dropped', async (t) => {
    const { copies, opened, env, request } = await copySetup(t, 'devops-module12-database.bacpac', {
      failWith: 'the source database is being restored',
    });
    await assert.rejects(runExportLocally(request, env, { runId: RUN_ID, copyWait: FAST_WAIT }), {
      message: `[COPY_FAILED] copy [${COPY}] of sql1.database.windows.net/Sales failed: the source database is being restored`,
    });
    assert.equal(copies.calls.at(-1), `drop ${COPY}`);
    assert.deepEqual(opened, []);
  });

  test('cancel while waiting for the copy stops the wait and drops the copy', async (t) => {
    const { setup, copies, env, request } = await copySetup(t, 'devops-module12-database.bacpac', {
      pollsUntilOnline: Number.MAX_SAFE_INTEGER,
    });
    const controller = new AbortController();
    const run = runExportLocally(request, env, {
      runId: RUN_ID,
      copyWait: { firstPollMs: 5, maxPollMs: 5, maxWaitMs: 60_000 },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(run, { message: /^\[EXPORT_CANCELLED\]/ });
    assert.ok(copies.calls.includes(`status ${COPY}`), 'the copy was being polled');
    assert.equal(copies.calls.at(-1), `drop ${COPY}`);
    assert.equal(copies.copies.size, 0);
    assert.deepEqual(await blobNames(setup.staging), []);
  });

  test('a copy never online within the maximum wait fails with [COPY_TIMEOUT] and is dropped', async (t) => {
    const { copies, env, request } = await copySetup(t, 'devops-module12-database.bacpac', {
      pollsUntilOnline: Number.MAX_SAFE_INTEGER,
    });
    await assert.rejects(
      runExportLocally(request, env, {
        runId: RUN_ID,
        copyWait: { firstPollMs: 5, maxPollMs: 10, maxWaitMs: 40 },
      }),
      {
        message: new RegExp(
          `^\\[COPY_TIMEOUT\\] copy \\[${COPY}\\] of sql1\\.database\\.windows\\.net/Sales was not online after 0\\.04 s \\(last state: copying, 0%\\)$`,
        ),
      },
    );
    assert.equal(copies.calls.at(-1), `drop ${COPY}`);
  });
});
