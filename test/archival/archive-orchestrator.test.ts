/** The archiveBacpac orchestration replayed through the durable-functions library (see the driver). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApplyRetentionInput, RetentionOutcome } from '../../src/archival/apply-retention';
import type { ArchiveRunRecord } from '../../src/archival/archive-history';
import type { ArchiveJob } from '../../src/archival/archive-job';
import { archiveBacpacOrchestrator } from '../../src/archival/archive-orchestrator';
import { archiveOrchestrationInput } from '../../src/archival/archive-run-input';
import { ArchivalNames } from '../../src/archival/archival-names';
import { OrchestratorNames } from '../../src/orchestration/names';
import { pipelineSettings } from '../../src/orchestration/orchestration-input';
import { ActionType, OrchestrationDriver } from '../orchestration/helpers/orchestration-driver';

const job: ArchiveJob = {
  name: 'sales',
  source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
  target: { accountUrl: 'https://app.blob.core.windows.net', container: 'archives', prefix: 'nightly-' },
  options: {
    maxParallelism: 4,
    splitRowThreshold: 1_000_000,
    compression: 'normal',
    overwrite: false,
    consistency: 'none',
  },
  retention: { keepLast: 2 },
};
const INSTANCE = 'archive-sales-202611250200';
const BLOB = 'nightly-Sales-20261125T020000Z.bacpac';
const input = archiveOrchestrationInput(job, new Date('2026-11-25T02:00:00Z'), {
  runId: 'run-1',
  startedAt: new Date('2026-11-25T02:00:00.250Z'),
  pipeline: pipelineSettings(3),
});
const exported = {
  blobUrl: `https://app.blob.core.windows.net/archives/${BLOB}`,
  sizeBytes: 4096,
  tables: 3,
  rows: '120',
};
const base = {
  job: 'sales',
  slot: '202611250200',
  instanceId: INSTANCE,
  scheduledTime: '2026-11-25T02:00:00.000Z',
  startedAt: '2026-11-25T02:00:00.250Z',
  blob: BLOB,
};

/** Every attempt of a step activity fails (the pipeline's step retry allows three). */
function failEveryAttempt(
  d: OrchestrationDriver,
  id: number,
  reason: string,
  name: string,
  activityInput: unknown,
): void {
  let attempt = id;
  for (let retry = 0; retry < 2; retry += 1) {
    attempt = d.failAndRetry(attempt, reason, name, activityInput).retryId;
  }
  d.failLastAttempt(attempt, reason);
}

function driver(): OrchestrationDriver {
  return new OrchestrationDriver(archiveBacpacOrchestrator, ArchivalNames.archiveBacpac, input, INSTANCE);
}

describe('archiveBacpac orchestration', () => {
  test('export as a sub-orchestration, then retention protecting the new archive, then the history record', async () => {
    const d = driver();
    const first = await d.run();
    assert.equal(first.scheduled.length, 1);
    const sub = first.scheduled[0]!;
    assert.equal(sub.action.actionType, ActionType.CallSubOrchestrator);
    assert.equal(sub.action.functionName, OrchestratorNames.exportBacpac);
    assert.equal(sub.action.instanceId, 'archive-sales-202611250200-export');
    assert.deepEqual(sub.action.input, input.export);

    d.completeSub(sub.id, exported);
    const second = await d.run();
    const retention = second.scheduled[0]!;
    assert.equal(retention.action.functionName, ArchivalNames.applyArchiveRetention);
    const retentionInput: ApplyRetentionInput = {
      job: 'sales',
      accountUrl: 'https://app.blob.core.windows.net',
      container: 'archives',
      prefix: 'nightly-',
      database: 'Sales',
      retention: { keepLast: 2 },
      now: d.now.toISOString(),
      protect: BLOB,
    };
    assert.deepEqual(retention.action.input, retentionInput);

    const deleted = [
      {
        name: 'nightly-Sales-20261123T020000Z.bacpac',
        archivedAt: '2026-11-23T02:00:00.000Z',
        reason: 'beyond the 2 newest',
      },
    ];
    const outcome: RetentionOutcome = { deleted, kept: [BLOB, 'nightly-Sales-20261124T020000Z.bacpac'] };
    d.complete(retention.id, outcome);
    const third = await d.run();
    const recordCall = third.scheduled[0]!;
    assert.equal(recordCall.action.functionName, ArchivalNames.recordArchiveRun);
    const expected: ArchiveRunRecord = {
      ...base,
      outcome: 'succeeded',
      finishedAt: d.now.toISOString(),
      blobUrl: exported.blobUrl,
      sizeBytes: 4096,
      rows: '120',
      deletions: deleted,
    };
    assert.deepEqual(recordCall.action.input, expected);
    d.complete(recordCall.id, null);
    const done = await d.run();
    assert.equal(done.state.isDone, true);
    assert.deepEqual(done.state.output, expected);
  });

  test('a failed export is recorded, retention does not run, and the run fails with the export code', async () => {
    const d = driver();
    const sub = (await d.run()).scheduled[0]!;
    d.failSub(
      sub.id,
      'BacpacError: [TARGET_EXISTS] target: archives/nightly-Sales-20261125T020000Z.bacpac already exists',
    );
    const next = await d.run();
    assert.deepEqual(
      next.scheduled.map((s) => s.action.functionName),
      [ArchivalNames.recordArchiveRun],
    );
    assert.deepEqual(next.scheduled[0]!.action.input, {
      ...base,
      outcome: 'failed',
      finishedAt: d.now.toISOString(),
      error: '[TARGET_EXISTS] target: archives/nightly-Sales-20261125T020000Z.bacpac already exists',
    });
    d.complete(next.scheduled[0]!.id, null);
    const done = await d.run();
    assert.match(
      done.failure ?? '',
      /\[TARGET_EXISTS\] target: archives\/nightly-Sales-20261125T020000Z\.bacpac already exists/,
    );
  });

  test('a failed retention keeps the archive, is recorded on the run, and the run still succeeds', async () => {
    const d = driver();
    const sub = (await d.run()).scheduled[0]!;
    d.completeSub(sub.id, exported);
    const retention = (await d.run()).scheduled[0]!;
    failEveryAttempt(
      d,
      retention.id,
      "Activity function 'applyArchiveRetention' failed: [STORAGE_DENIED] archives: 403 \n at stack",
      ArchivalNames.applyArchiveRetention,
      retention.action.input,
    );
    const next = await d.run();
    const recordCall = next.scheduled[0]!;
    assert.equal(recordCall.action.functionName, ArchivalNames.recordArchiveRun);
    const record = recordCall.action.input as ArchiveRunRecord;
    assert.equal(record.outcome, 'succeeded');
    assert.deepEqual(record.deletions, []);
    assert.equal(record.retentionError, '[STORAGE_DENIED] archives: 403');
    d.complete(recordCall.id, null);
    const done = await d.run();
    assert.equal(done.failure, undefined);
    assert.equal((done.state.output as ArchiveRunRecord).outcome, 'succeeded');
  });

  test('a history write that fails does not fail the run', async () => {
    const d = driver();
    d.completeSub((await d.run()).scheduled[0]!.id, exported);
    d.complete((await d.run()).scheduled[0]!.id, { deleted: [], kept: [BLOB] });
    const recordCall = (await d.run()).scheduled[0]!;
    failEveryAttempt(
      d,
      recordCall.id,
      '[STORAGE_DENIED] history: 403',
      ArchivalNames.recordArchiveRun,
      recordCall.action.input,
    );
    const done = await d.run();
    assert.equal(done.failure, undefined);
    assert.equal(done.state.isDone, true);
  });
});
