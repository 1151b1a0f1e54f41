import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyBacpac, type VerifyProgress } from '../../../src/bacpac/verify';
import { fileSource } from '../../../src/bacpac/zip';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import { readModelColumns } from '../../helpers/fixture-columns';
import { fixturePath, listFixtures, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';

/** Row totals decoded from each fixture's data parts, from SOURCES.md. */
const TOTALS: Record<string, number> = {
  'bacpactod-Test.bacpac': 173,
  'devops-module12-database.bacpac': 1,
  'spss-2025-3-30-9-48.bacpac': 2183,
  'AdventureWorksLT2022.bacpac': 4277,
  'Northwind.bacpac': 3308,
  'imdb1000.bacpac': 2499,
};

describe('verifyBacpac on the real fixtures', () => {
  test('the SOURCES.md table covers every fixture', () => {
    assert.deepEqual(listFixtures(), Object.keys(TOTALS).sort());
  });

  for (const fixture of listFixtures()) {
    test(`${fixture}: valid, no problems, decoded rows equal the SOURCES.md total`, async () => {
      const source = await fileSource(fixturePath(fixture));
      const progress: VerifyProgress[] = [];
      try {
        const report = await verifyBacpac(source, { onProgress: (p) => progress.push(p) });
        assert.deepEqual(report.problems, []);
        assert.equal(report.ok, true);
        assert.equal(report.modelChecksumOk, true);
        assert.equal(report.rowsTotal, TOTALS[fixture]);
        const parts = await readFixtureDataParts(fixture);
        assert.equal(report.dataPartCount, parts.length);
        assert.deepEqual(
          report.tables.flatMap((t) => t.parts.map((p) => p.name)).sort(),
          parts.map((p) => p.name).sort(),
        );
        assert.deepEqual(
          report.tables.flatMap((t) => t.parts.map((p) => p.bytes)).reduce((a, b) => a + b, 0),
          parts.reduce((n, p) => n + p.data.length, 0),
        );
        assert.equal(progress[0]?.phase, 'metadata');
        assert.equal(progress.filter((p) => p.phase === 'data').length, parts.length);
        assert.deepEqual(progress.at(-1), {
          phase: 'done',
          partsDone: parts.length,
          partsTotal: parts.length,
          rows: TOTALS[fixture],
        });
      } finally {
        await source.close?.();
      }
    });
  }

  test('Northwind: per-table rows, with dbo.Order Details over four parts and empty tables listed', async () => {
    const source = await fileSource(fixturePath('Northwind.bacpac'));
    try {
      const report = await verifyBacpac(source);
      const details = report.tables.find((t) => t.name === 'Order Details');
      const columns = readModelColumns(await readFixtureEntry('Northwind.bacpac', 'model.xml'));
      const expected = (await readFixtureDataParts('Northwind.bacpac'))
        .filter((p) => p.table === 'dbo.Order Details')
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => [p.name, [...decodeBcpRows(p.data, columns.get(p.table)!, p.table)].length]);
      assert.equal(expected.length, 4);
      assert.deepEqual(
        details?.parts.map((p) => [p.name, p.rows]),
        expected,
      );
      // The Northwind sample's well-known [Order Details] row count.
      assert.equal(details?.rows, 2155);
      assert.equal(report.tables.length, 13);
      assert.equal(report.tables.filter((t) => t.parts.length === 0).length, 2);
      assert.equal(report.originRowTotal, '3308');
    } finally {
      await source.close?.();
    }
  });
});
