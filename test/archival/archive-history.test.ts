import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  historyBlobName,
  latestRunRecords,
  readRunRecord,
  writeRunRecord,
  type ArchiveRunRecord,
} from '../../src/archival/archive-history';
import { testBlobService, withTestContainer } from '../helpers/azurite';

function record(job: string, slot: string, outcome: ArchiveRunRecord['outcome']): ArchiveRunRecord {
  return {
    job,
    slot,
    instanceId: `archive-${job}-${slot}`,
    scheduledTime: '2026-11-25T02:00:00.000Z',
    startedAt: '2026-11-25T02:00:01.000Z',
    outcome,
  };
}

describe('archive history', () => {
  test('record names sort newest slot first within the job folder', () => {
    assert.equal(
      historyBlobName('sales', '202611250200'),
      'archive-history/sales/797388749799-202611250200.json',
    );
    assert.ok(historyBlobName('sales', '202611250200') < historyBlobName('sales', '202611240200'));
    assert.ok(historyBlobName('sales', '202701010000') < historyBlobName('sales', '202612312359'));
  });

  test('writes, replaces and reads records; lists the newest first, per job', async (t) => {
    const container = await withTestContainer(t);
    await writeRunRecord(container, record('sales', '202611230200', 'succeeded'));
    await writeRunRecord(container, record('sales', '202611250200', 'started'));
    await writeRunRecord(container, record('sales', '202611240200', 'failed'));
    await writeRunRecord(container, record('sales-eu', '202611260200', 'skipped'));
    await writeRunRecord(container, record('sales', '202611250200', 'succeeded'));

    assert.equal((await readRunRecord(container, 'sales', '202611250200'))?.outcome, 'succeeded');
    assert.equal(await readRunRecord(container, 'sales', '202611220200'), undefined);
    const latest = await latestRunRecords(container, 'sales', 2);
    assert.deepEqual(
      latest.map((r) => [r.slot, r.outcome]),
      [
        ['202611250200', 'succeeded'],
        ['202611240200', 'failed'],
      ],
    );
    assert.deepEqual(
      (await latestRunRecords(container, 'sales-eu', 10)).map((r) => r.slot),
      ['202611260200'],
    );
  });

  test('the first record creates the container; reading a missing container finds nothing', async (t) => {
    const service = await testBlobService();
    const container = service.getContainerClient(`t-history-${Date.now()}`);
    t.after(() => container.deleteIfExists());
    assert.deepEqual(await latestRunRecords(container, 'sales', 5), []);
    await writeRunRecord(container, record('sales', '202611250200', 'started'));
    assert.equal((await latestRunRecords(container, 'sales', 5)).length, 1);
  });
});
