import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  archiveInstanceId,
  exportInstanceId,
  parseArchiveInstanceId,
  slotOf,
} from '../../src/archival/archive-slot';

describe('archive slots', () => {
  test('the slot is the scheduled minute in UTC, whatever the seconds or the offset written', () => {
    assert.equal(slotOf(new Date('2026-11-25T02:00:00Z')), '202611250200');
    assert.equal(slotOf(new Date('2026-11-25T02:00:59.999Z')), '202611250200');
    assert.equal(slotOf(new Date('2026-11-25T03:00:00+01:00')), '202611250200');
    assert.equal(slotOf(new Date('2027-01-01T00:00:00Z')), '202701010000');
  });

  test('instance ids are deterministic per job and slot and unique across both', () => {
    const times = ['2026-11-25T02:00:00Z', '2026-11-25T02:01:00Z', '2026-11-26T02:00:00Z'];
    const jobs = ['sales', 'sales-eu', 'hr'];
    const ids = jobs.flatMap((job) => times.map((t) => archiveInstanceId(job, slotOf(new Date(t)))));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(
      archiveInstanceId('sales', slotOf(new Date('2026-11-25T02:00:00Z'))),
      'archive-sales-202611250200',
    );
    assert.equal(
      archiveInstanceId('sales', slotOf(new Date('2026-11-25T02:00:30Z'))),
      archiveInstanceId('sales', slotOf(new Date('2026-11-25T02:00:00Z'))),
    );
  });

  test('an instance id reads back to its job and slot; other ids are not archive runs', () => {
    assert.deepEqual(parseArchiveInstanceId('archive-sales-eu-202611250200'), {
      job: 'sales-eu',
      slot: '202611250200',
    });
    assert.deepEqual(parseArchiveInstanceId('archive-db-2026-202611250200'), {
      job: 'db-2026',
      slot: '202611250200',
    });
    assert.equal(parseArchiveInstanceId(exportInstanceId('archive-sales-202611250200')), undefined);
    assert.equal(exportInstanceId('archive-sales-202611250200'), 'archive-sales-202611250200-export');
    assert.equal(parseArchiveInstanceId('generated-1'), undefined);
    assert.equal(parseArchiveInstanceId('archive-sales-2026112502'), undefined);
  });
});
