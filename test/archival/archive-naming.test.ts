import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  archiveBlobName,
  archiveNamingProblems,
  archiveTimeOf,
  formatArchiveStamp,
  parseArchiveStamp,
} from '../../src/archival/archive-naming';
import { bacpacBlobNameProblems } from '../../src/storage/blob-names';

const sales = { prefix: 'nightly-', database: 'Sales' };

describe('archive blob names', () => {
  test('are <prefix><database>-<yyyyMMddTHHmmssZ>.bacpac in UTC', () => {
    assert.equal(
      archiveBlobName(sales, new Date('2026-11-25T02:00:00Z')),
      'nightly-Sales-20261125T020000Z.bacpac',
    );
    assert.equal(
      archiveBlobName({ prefix: '', database: 'db' }, new Date('2027-01-02T03:04:05+02:00')),
      'db-20270102T010405Z.bacpac',
    );
    assert.equal(formatArchiveStamp(new Date('2026-01-09T23:59:59.999Z')), '20260109T235959Z');
  });

  test('read back to their time only when they follow the pattern exactly', () => {
    assert.equal(
      archiveTimeOf(sales, 'nightly-Sales-20261125T020000Z.bacpac')?.toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
    for (const other of [
      'nightly-Sales-EU-20261125T020000Z.bacpac',
      'nightly-sales-20261125T020000Z.bacpac',
      'other-nightly-Sales-20261125T020000Z.bacpac',
      'nightly-Sales-20261125T020000Z.bacpac.tmp',
      'nightly-Sales-20261125T0200Z.bacpac',
      'nightly-Sales-20261325T020000Z.bacpac',
      'nightly-Sales-20260230T020000Z.bacpac',
      'nightly-Sales.bacpac',
    ]) {
      assert.equal(archiveTimeOf(sales, other), undefined, other);
    }
    assert.equal(parseArchiveStamp('20240229T000000Z')?.toISOString(), '2024-02-29T00:00:00.000Z');
    assert.equal(parseArchiveStamp('20250229T000000Z'), undefined);
  });

  test('a prefix and database that pass the checks give names that pass the blob-name rules', () => {
    const naming = { prefix: 'p'.repeat(77), database: 'd'.repeat(26) };
    assert.deepEqual(archiveNamingProblems(naming, 'J'), []);
    assert.deepEqual(bacpacBlobNameProblems(archiveBlobName(naming, new Date('2099-12-31T23:59:59Z'))), []);
  });

  test('problems name the prefix or the database', () => {
    assert.deepEqual(archiveNamingProblems({ prefix: 'daily/', database: 'Sales' }, 'J'), [
      'J.target.prefix: must not contain "/"',
    ]);
    assert.deepEqual(archiveNamingProblems({ prefix: 'a b:', database: 'Sales' }, 'J'), [
      'J.target.prefix: must not contain a space, ":"',
    ]);
    assert.deepEqual(archiveNamingProblems({ prefix: 'x-', database: 'My DB' }, 'J'), [
      'J.source.database: must not contain a space (the database name is part of the archive blob name)',
    ]);
    const long = archiveNamingProblems({ prefix: 'p'.repeat(78), database: 'd'.repeat(26) }, 'J');
    assert.equal(long.length, 1);
    assert.match(
      long[0]!,
      /^J\.target\.prefix: archive blob names such as "p+d+-19700101T000000Z\.bacpac" would be 128 characters; the prefix and the database name together may have at most 103 characters$/,
    );
  });
});
