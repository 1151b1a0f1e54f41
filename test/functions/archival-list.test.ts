/** GET /api/archives with a real HttpRequest, archives and history in Azurite, an in-memory durable client. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpRequest } from '@azure/functions';
import type { ContainerClient } from '@azure/storage-blob';
import { OrchestrationRuntimeStatus } from 'durable-functions';
import { writeRunRecord, type ArchiveRunRecord } from '../../src/archival/archive-history';
import type { ArchivalRuntime } from '../../src/archival/archival-runtime';
import { createArchivalRuntime } from '../../src/archival/create-archival-runtime';
import type { ArchivesDocument } from '../../src/archival/describe-archives';
import { getArchives } from '../../src/archival/list-archives-handler';
import { normaliseAccountUrl } from '../../src/api/app-account-url';
import { pipelineSettings } from '../../src/orchestration/orchestration-input';
import { testBlobService, withTestContainer } from '../helpers/azurite';
import { MemoryDurableClient } from './http/helpers/memory-durable-client';

const NOW = new Date('2026-11-25T02:30:00Z');

function get(): HttpRequest {
  return new HttpRequest({ method: 'GET', url: 'http://localhost:7071/api/archives' });
}

async function runtimeFor(
  history: ContainerClient,
  target: ContainerClient,
  schedule: string | undefined,
): Promise<ArchivalRuntime> {
  const service = await testBlobService();
  const appAccountUrl = normaliseAccountUrl(service.url);
  const jobs = [
    {
      name: 'sales',
      source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
      target: { container: target.containerName, prefix: 'nightly-' },
      retention: { keepLast: 7 },
    },
    {
      name: 'hr',
      source: { server: 'sql1.database.windows.net', database: 'HR', authentication: 'managed-identity' },
      target: { container: target.containerName, prefix: 'nightly-' },
      retention: { maxAgeDays: 90 },
    },
  ];
  return createArchivalRuntime(
    { ...(schedule === undefined ? {} : { schedule }), jobsJson: JSON.stringify(jobs) },
    {
      defaults: { appAccountUrl, maxParallelism: 4, splitRowThreshold: 1_000_000, compression: 'normal' },
      history,
      pipeline: pipelineSettings(3),
      targetContainer: (t) => service.getContainerClient(t.container),
      newRunId: () => 'run-1',
    },
  );
}

function record(
  slot: string,
  outcome: ArchiveRunRecord['outcome'],
  extra: Partial<ArchiveRunRecord> = {},
): ArchiveRunRecord {
  return {
    job: 'sales',
    slot,
    instanceId: `archive-sales-${slot}`,
    scheduledTime: `${slot.slice(0, 4)}-${slot.slice(4, 6)}-${slot.slice(6, 8)}T02:00:00.000Z`,
    startedAt: `${slot.slice(0, 4)}-${slot.slice(4, 6)}-${slot.slice(6, 8)}T02:00:01.000Z`,
    outcome,
    ...extra,
  };
}

describe('GET /api/archives', () => {
  test('lists each job with its last run (live status), last result, next run and the archives kept', async (t) => {
    const history = await withTestContainer(t);
    const target = await withTestContainer(t);
    for (const name of [
      'nightly-Sales-20261123T020000Z.bacpac',
      'nightly-Sales-20261124T020000Z.bacpac',
      'nightly-Sales-EU-20261124T020000Z.bacpac',
      'nightly-Sales-manual.bacpac',
    ]) {
      await target.getBlockBlobClient(name).upload('bacpac', 6);
    }
    await writeRunRecord(
      history,
      record('202611230200', 'succeeded', { blob: 'nightly-Sales-20261123T020000Z.bacpac' }),
    );
    await writeRunRecord(
      history,
      record('202611240200', 'failed', { error: '[SQL_LOGIN_FAILED] sql1: login failed' }),
    );
    await writeRunRecord(history, record('202611250200', 'started'));
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'archive-sales-202611250200',
      runtimeStatus: OrchestrationRuntimeStatus.Running,
    });
    const runtime = await runtimeFor(history, target, '0 0 2 * * *');

    const response = await getArchives(
      get(),
      client,
      () => runtime,
      () => NOW,
    );

    assert.equal(response.status, 200);
    const body = response.jsonBody as ArchivesDocument;
    assert.equal(body.enabled, true);
    assert.equal(body.schedule, '0 0 2 * * *');
    assert.deepEqual(
      body.jobs.map((j) => j.name),
      ['sales', 'hr'],
    );
    const [sales, hr] = body.jobs;
    assert.deepEqual(sales!.target.pattern, 'nightly-Sales-<yyyyMMddTHHmmssZ>.bacpac');
    assert.deepEqual(sales!.lastRun, { ...record('202611250200', 'started'), runtimeStatus: 'Running' });
    assert.deepEqual(
      sales!.lastResult,
      record('202611240200', 'failed', { error: '[SQL_LOGIN_FAILED] sql1: login failed' }),
    );
    assert.equal(sales!.nextRun, '2026-11-26T02:00:00.000Z');
    assert.deepEqual(
      sales!.archives.map((a) => [a.name, a.archivedAt, a.sizeBytes]),
      [
        ['nightly-Sales-20261124T020000Z.bacpac', '2026-11-24T02:00:00.000Z', 6],
        ['nightly-Sales-20261123T020000Z.bacpac', '2026-11-23T02:00:00.000Z', 6],
      ],
    );
    assert.equal(hr!.lastRun, undefined);
    assert.equal(hr!.lastResult, undefined);
    assert.deepEqual(hr!.archives, []);
    assert.deepEqual(hr!.retention, { maxAgeDays: 90 });
  });

  test('a started run whose instance is gone shows as Unknown; a skipped run is the last run', async (t) => {
    const history = await withTestContainer(t);
    const target = await withTestContainer(t);
    await writeRunRecord(history, record('202611240200', 'started'));
    const runtime = await runtimeFor(history, target, '0 0 2 * * *');
    let body = (
      await getArchives(
        get(),
        new MemoryDurableClient(),
        () => runtime,
        () => NOW,
      )
    ).jsonBody as ArchivesDocument;
    assert.equal(body.jobs[0]!.lastRun?.runtimeStatus, 'Unknown');

    await writeRunRecord(
      history,
      record('202611250200', 'skipped', {
        skippedReason: 'previous run archive-sales-202611240200 is still Running',
      }),
    );
    body = (
      await getArchives(
        get(),
        new MemoryDurableClient(),
        () => runtime,
        () => NOW,
      )
    ).jsonBody as ArchivesDocument;
    assert.equal(body.jobs[0]!.lastRun?.outcome, 'skipped');
    assert.equal(body.jobs[0]!.lastRun?.runtimeStatus, undefined);
    assert.equal(body.jobs[0]!.lastResult, undefined);
  });

  test('without a schedule archival is reported disabled, with no next run', async (t) => {
    const history = await withTestContainer(t);
    const target = await withTestContainer(t);
    const runtime = await runtimeFor(history, target, undefined);
    const response = await getArchives(
      get(),
      new MemoryDurableClient(),
      () => runtime,
      () => NOW,
    );
    const body = response.jsonBody as ArchivesDocument;
    assert.equal(response.status, 200);
    assert.equal(body.enabled, false);
    assert.equal(body.schedule, undefined);
    assert.equal(body.jobs[0]!.nextRun, undefined);
  });

  test('invalid archival settings answer 500 with every problem', async (t) => {
    const history = await withTestContainer(t);
    const service = await testBlobService();
    const runtime = (): ArchivalRuntime =>
      createArchivalRuntime(
        { schedule: '0 0 2 * * *', jobsJson: '[{"name": "Bad Name"}]' },
        {
          defaults: {
            appAccountUrl: service.url,
            maxParallelism: 4,
            splitRowThreshold: 1_000_000,
            compression: 'normal',
          },
          history,
          pipeline: pipelineSettings(3),
          targetContainer: (c) => service.getContainerClient(c.container),
          newRunId: () => 'run-1',
        },
      );
    const response = await getArchives(get(), new MemoryDurableClient(), runtime, () => NOW);
    assert.equal(response.status, 500);
    const body = response.jsonBody as { code: string; message: string; details: { problems: string[] } };
    assert.equal(body.code, 'ARCHIVE_JOBS_INVALID');
    assert.match(body.message, /^\[ARCHIVE_JOBS_INVALID\] /);
    assert.ok(
      body.details.problems.some((p) => p.startsWith('BACPAC_ARCHIVE_JOBS[0] (Bad Name).name: must be')),
    );
    assert.ok(body.details.problems.includes('BACPAC_ARCHIVE_JOBS[0] (Bad Name).target: must be an object'));
  });

  test('a wrong schedule and wrong jobs are reported together', async (t) => {
    const history = await withTestContainer(t);
    const service = await testBlobService();
    const runtime = (): ArchivalRuntime =>
      createArchivalRuntime(
        { schedule: '*/5 * * * * *', jobsJson: '{}' },
        {
          defaults: {
            appAccountUrl: service.url,
            maxParallelism: 4,
            splitRowThreshold: 1_000_000,
            compression: 'normal',
          },
          history,
          pipeline: pipelineSettings(3),
          targetContainer: (c) => service.getContainerClient(c.container),
          newRunId: () => 'run-1',
        },
      );
    const body = (await getArchives(get(), new MemoryDurableClient(), runtime, () => NOW)).jsonBody as {
      code: string;
      details: { problems: string[] };
    };
    assert.equal(body.code, 'ARCHIVE_SETTINGS_INVALID');
    assert.equal(body.details.problems.length, 2);
    assert.match(
      body.details.problems[0]!,
      /^BACPAC_ARCHIVE_SCHEDULE: "\*\/5 \* \* \* \* \*" fires 12 times a minute/,
    );
    assert.equal(body.details.problems[1], 'BACPAC_ARCHIVE_JOBS: must be a JSON array of archive jobs');
  });
});
