import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planRetention, type ListedBlob } from '../../src/archival/retention';

const naming = { prefix: 'nightly-', database: 'Sales' };
const NOW = new Date('2026-11-25T02:05:00Z');

function blob(name: string, lastModified = '2026-11-25T02:04:00Z'): ListedBlob {
  return { name, lastModified: new Date(lastModified) };
}

/** The job's own archives (five nights), and names retention must never touch. */
const listing: ListedBlob[] = [
  blob('nightly-Sales-20261123T020000Z.bacpac'),
  blob('nightly-Sales-20261125T020000Z.bacpac'),
  blob('nightly-Sales-EU-20261001T020000Z.bacpac'),
  blob('nightly-Sales-20261001T020000Z.bacpac'),
  blob('weekly-Sales-20260101T020000Z.bacpac'),
  blob('Sales-20260101T020000Z.bacpac'),
  blob('nightly-Sales-20261124T020000Z.bacpac'),
  blob('nightly-Sales-20261001T020000Z.bacpac.tmp'),
  blob('nightly-Sales-latest.bacpac'),
  blob('nightly-Sales-20261120T020000Z.bacpac'),
];

describe('planRetention', () => {
  test('keepLast keeps the newest N of the job archives and ignores every other name', () => {
    const plan = planRetention(listing, naming, { keepLast: 3 }, NOW);
    assert.deepEqual(plan.keep, [
      'nightly-Sales-20261125T020000Z.bacpac',
      'nightly-Sales-20261124T020000Z.bacpac',
      'nightly-Sales-20261123T020000Z.bacpac',
    ]);
    assert.deepEqual(plan.delete, [
      {
        name: 'nightly-Sales-20261120T020000Z.bacpac',
        archivedAt: '2026-11-20T02:00:00.000Z',
        reason: 'beyond the 3 newest',
      },
      {
        name: 'nightly-Sales-20261001T020000Z.bacpac',
        archivedAt: '2026-10-01T02:00:00.000Z',
        reason: 'beyond the 3 newest',
      },
    ]);
  });

  test('maxAgeDays deletes archives older than the cutoff; both rules limit together', () => {
    assert.deepEqual(
      planRetention(listing, naming, { maxAgeDays: 3 }, NOW).delete.map((d) => [d.name, d.reason]),
      [
        ['nightly-Sales-20261120T020000Z.bacpac', 'older than 3 days'],
        ['nightly-Sales-20261001T020000Z.bacpac', 'older than 3 days'],
      ],
    );
    // 2026-11-22T02:00 is exactly 3 days and 5 minutes before now: 2026-11-23 is kept, 2026-11-20 is not.
    assert.deepEqual(
      planRetention(listing, naming, { keepLast: 4, maxAgeDays: 30 }, NOW).delete.map((d) => [
        d.name,
        d.reason,
      ]),
      [['nightly-Sales-20261001T020000Z.bacpac', 'beyond the 4 newest and older than 30 days']],
    );
  });

  test('an archive exactly at the cutoff is kept', () => {
    const plan = planRetention(
      [blob('nightly-Sales-20261125T020000Z.bacpac'), blob('nightly-Sales-20261124T020500Z.bacpac')],
      naming,
      { maxAgeDays: 1 },
      NOW,
    );
    assert.deepEqual(plan.delete, []);
  });

  test('the newest archive is never deleted, however old', () => {
    const later = new Date('2030-01-01T00:00:00Z');
    const plan = planRetention(listing, naming, { maxAgeDays: 1 }, later);
    assert.deepEqual(plan.keep, ['nightly-Sales-20261125T020000Z.bacpac']);
    assert.equal(plan.delete.length, 4);
  });

  test('the protected archive (the one the run just wrote) is kept even when the rules select it', () => {
    const plan = planRetention(
      listing,
      naming,
      { keepLast: 1 },
      NOW,
      'nightly-Sales-20261123T020000Z.bacpac',
    );
    assert.deepEqual(plan.keep, [
      'nightly-Sales-20261125T020000Z.bacpac',
      'nightly-Sales-20261123T020000Z.bacpac',
    ]);
    assert.deepEqual(
      plan.delete.map((d) => d.name),
      [
        'nightly-Sales-20261124T020000Z.bacpac',
        'nightly-Sales-20261120T020000Z.bacpac',
        'nightly-Sales-20261001T020000Z.bacpac',
      ],
    );
  });

  test('order comes from the time in the name, not from last-modified', () => {
    const plan = planRetention(
      [
        blob('nightly-Sales-20261125T020000Z.bacpac', '2026-01-01T00:00:00Z'),
        blob('nightly-Sales-20261124T020000Z.bacpac', '2026-12-01T00:00:00Z'),
      ],
      naming,
      { keepLast: 1 },
      NOW,
    );
    assert.deepEqual(plan.keep, ['nightly-Sales-20261125T020000Z.bacpac']);
  });

  test('no archives, nothing to do', () => {
    assert.deepEqual(planRetention([blob('other.bacpac')], naming, { keepLast: 1 }, NOW), {
      keep: [],
      delete: [],
    });
  });
});
