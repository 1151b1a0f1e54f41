/**
 * The archival timer's work for one firing, with the in-memory durable client the HTTP API tests use
 * and the history in a real Azurite container.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import { OrchestrationRuntimeStatus } from 'durable-functions';
import { latestRunRecords, readRunRecord } from '../../src/archival/archive-history';
import type { ArchiveJob } from '../../src/archival/archive-job';
import type { ArchiveOrchestrationInput } from '../../src/archival/archive-run-input';
import { startDueArchives } from '../../src/archival/start-due-archives';
import { pipelineSettings } from '../../src/orchestration/orchestration-input';
import { withTestContainer } from '../helpers/azurite';
import { MemoryDurableClient } from '../functions/http/helpers/memory-durable-client';

function job(name: string, database: string): ArchiveJob {
  return {
    name,
    source: { server: 'sql1.database.windows.net', database, authentication: 'managed-identity' },
    target: { accountUrl: 'https://app.blob.core.windows.net', container: 'archives', prefix: 'nightly-' },
    options: {
      maxParallelism: 4,
      splitRowThreshold: 1_000_000,
      compression: 'normal',
      overwrite: false,
      consistency: 'none',
    },
    retention: { keepLast: 7 },
  };
}

const JOBS = [job('sales', 'Sales'), job('sales-eu', 'SalesEU')];
const SLOT_TIME = new Date('2026-11-25T02:00:00Z');
const NOW = new Date('2026-11-25T02:00:00.250Z');

function runtime(history: ContainerClient) {
  let runs = 0;
  return { jobs: JOBS, history, pipeline: pipelineSettings(3), newRunId: () => `run-${++runs}` };
}

describe('startDueArchives', () => {
  test('starts one archive orchestration per job with its slot instance id and a started record', async (t) => {
    const history = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const logged: string[] = [];
    const decisions = await startDueArchives(
      SLOT_TIME,
      client,
      runtime(history),
      () => NOW,
      (m) => logged.push(m),
    );

    assert.deepEqual(
      decisions.map((d) => [d.job, d.instanceId, d.action]),
      [
        ['sales', 'archive-sales-202611250200', 'started'],
        ['sales-eu', 'archive-sales-eu-202611250200', 'started'],
      ],
    );
    assert.deepEqual(
      client.started.map((s) => [s.name, s.options?.instanceId]),
      [
        ['archiveBacpac', 'archive-sales-202611250200'],
        ['archiveBacpac', 'archive-sales-eu-202611250200'],
      ],
    );
    const input = client.started[0]!.options!.input as ArchiveOrchestrationInput;
    assert.deepEqual(
      { ...input, export: { ...input.export, settings: undefined } },
      {
        job: 'sales',
        slot: '202611250200',
        scheduledTime: '2026-11-25T02:00:00.000Z',
        startedAt: '2026-11-25T02:00:00.250Z',
        export: {
          runId: 'run-1',
          request: {
            source: JOBS[0]!.source,
            target: {
              accountUrl: 'https://app.blob.core.windows.net',
              container: 'archives',
              blobName: 'nightly-Sales-20261125T020000Z.bacpac',
            },
            options: JOBS[0]!.options,
          },
          settings: undefined,
        },
        retention: {
          job: 'sales',
          accountUrl: 'https://app.blob.core.windows.net',
          container: 'archives',
          prefix: 'nightly-',
          database: 'Sales',
          retention: { keepLast: 7 },
        },
      },
    );
    assert.deepEqual(await readRunRecord(history, 'sales', '202611250200'), {
      job: 'sales',
      slot: '202611250200',
      instanceId: 'archive-sales-202611250200',
      scheduledTime: '2026-11-25T02:00:00.000Z',
      startedAt: '2026-11-25T02:00:00.250Z',
      outcome: 'started',
      blob: 'nightly-Sales-20261125T020000Z.bacpac',
    });
    assert.deepEqual(logged, [
      'archive job sales slot 202611250200 (archive-sales-202611250200) started',
      'archive job sales-eu slot 202611250200 (archive-sales-eu-202611250200) started',
    ]);
  });

  test('a repeated or retried firing for the same slot starts nothing, whatever the first run became', async (t) => {
    const history = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const rt = runtime(history);
    await startDueArchives(
      SLOT_TIME,
      client,
      rt,
      () => NOW,
      () => undefined,
    );
    // The first run of one job already finished: its instance still holds the slot id.
    client.instances.get('archive-sales-202611250200')!.runtimeStatus = OrchestrationRuntimeStatus.Completed;
    const later = new Date('2026-11-25T02:00:07Z');
    const again = await startDueArchives(
      SLOT_TIME,
      client,
      rt,
      () => later,
      () => undefined,
    );
    assert.deepEqual(
      again.map((d) => [d.instanceId, d.action, d.reason]),
      [
        [
          'archive-sales-202611250200',
          'duplicate',
          'instance archive-sales-202611250200 already exists (Completed)',
        ],
        [
          'archive-sales-eu-202611250200',
          'duplicate',
          'instance archive-sales-eu-202611250200 already exists (Pending)',
        ],
      ],
    );
    assert.equal(client.started.length, 2);
    // The history still shows the original start.
    assert.equal(
      (await readRunRecord(history, 'sales', '202611250200'))?.startedAt,
      '2026-11-25T02:00:00.250Z',
    );
  });

  test('a job whose previous run is still running is skipped, logged and recorded; other jobs start', async (t) => {
    const history = await withTestContainer(t);
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'archive-sales-202611240200',
      name: 'archiveBacpac',
      runtimeStatus: OrchestrationRuntimeStatus.Running,
    });
    // Instances that are not a previous run of the job "sales" do not block it.
    client.add({
      instanceId: 'archive-sales-202611240200-export',
      runtimeStatus: OrchestrationRuntimeStatus.Running,
    });
    client.add({
      instanceId: 'archive-sales-eu-202611240200',
      runtimeStatus: OrchestrationRuntimeStatus.Completed,
    });
    client.add({ instanceId: 'generated-7', runtimeStatus: OrchestrationRuntimeStatus.Running });
    const logged: string[] = [];
    const decisions = await startDueArchives(
      SLOT_TIME,
      client,
      runtime(history),
      () => NOW,
      (m) => logged.push(m),
    );

    assert.deepEqual(
      decisions.map((d) => [d.job, d.action, d.blockedBy]),
      [
        ['sales', 'skipped', 'archive-sales-202611240200'],
        ['sales-eu', 'started', undefined],
      ],
    );
    assert.deepEqual(
      client.started.map((s) => s.options?.instanceId),
      ['archive-sales-eu-202611250200'],
    );
    assert.equal(
      logged[0],
      'archive job sales slot 202611250200 (archive-sales-202611250200) skipped: previous run archive-sales-202611240200 is still Running',
    );
    const [latest] = await latestRunRecords(history, 'sales', 1);
    assert.deepEqual(latest, {
      job: 'sales',
      slot: '202611250200',
      instanceId: 'archive-sales-202611250200',
      scheduledTime: '2026-11-25T02:00:00.000Z',
      startedAt: '2026-11-25T02:00:00.250Z',
      outcome: 'skipped',
      finishedAt: '2026-11-25T02:00:00.250Z',
      skippedReason: 'previous run archive-sales-202611240200 is still Running',
      blockedBy: 'archive-sales-202611240200',
    });
  });

  test('a start that fails for one job is reported and does not stop the next', async (t) => {
    const history = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const startNew = client.startNew.bind(client);
    client.startNew = (name, options) =>
      options?.instanceId === 'archive-sales-202611250200'
        ? Promise.reject(new Error('task hub unavailable'))
        : startNew(name, options);
    const decisions = await startDueArchives(
      SLOT_TIME,
      client,
      runtime(history),
      () => NOW,
      () => undefined,
    );
    assert.deepEqual(
      decisions.map((d) => [d.job, d.action, d.reason]),
      [
        ['sales', 'error', 'task hub unavailable'],
        ['sales-eu', 'started', undefined],
      ],
    );
    const record = await readRunRecord(history, 'sales', '202611250200');
    assert.equal(record?.outcome, 'failed');
    assert.equal(record?.error, '[ARCHIVE_START_FAILED] task hub unavailable');
  });
});
