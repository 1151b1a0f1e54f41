import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspectBacpac } from '../../../src/bacpac/inspect';
import { fileSource } from '../../../src/bacpac/zip';
import { fixturePath, listFixtures, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';

/** Facts from SOURCES.md and the format spec's fixture table (section 0). */
const EXPECTED: Record<
  string,
  { provider: string; schemaVersion: string; dacfx: string; family: 'F' | 'C'; tables: number; rows: number }
> = {
  'bacpactod-Test.bacpac': {
    provider: 'Sql150',
    schemaVersion: '2.9',
    dacfx: '16.0.6403.0',
    family: 'F',
    tables: 25,
    rows: 173,
  },
  'devops-module12-database.bacpac': {
    provider: 'SqlAzureV12',
    schemaVersion: '2.6',
    dacfx: '162.0.34.1',
    family: 'C',
    tables: 1,
    rows: 1,
  },
  'spss-2025-3-30-9-48.bacpac': {
    provider: 'SqlAzureV12',
    schemaVersion: '3.3',
    dacfx: '162.5.57.1',
    family: 'C',
    tables: 34,
    rows: 2183,
  },
  'AdventureWorksLT2022.bacpac': {
    provider: 'Sql160',
    schemaVersion: '3.5',
    dacfx: '170.0.94.3',
    family: 'F',
    tables: 12,
    rows: 4277,
  },
  'Northwind.bacpac': {
    provider: 'Sql150',
    schemaVersion: '2.9',
    dacfx: '15.0.5282.3',
    family: 'F',
    tables: 13,
    rows: 3308,
  },
  'imdb1000.bacpac': {
    provider: 'Sql150',
    schemaVersion: '2.9',
    dacfx: '15.0.4745.1',
    family: 'C',
    tables: 7,
    rows: 2499,
  },
};

/** The text of one element in a small XML part, read with a regular expression (independent of the readers). */
function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('inspectBacpac on the real fixtures', () => {
  for (const fixture of listFixtures()) {
    test(`${fixture}: provider, versions, ZIP family, tables, parts and rows`, async () => {
      const expected = EXPECTED[fixture]!;
      const source = await fileSource(fixturePath(fixture));
      try {
        const report = await inspectBacpac(source);
        assert.equal(report.provider, expected.provider);
        assert.equal(report.schemaVersion, expected.schemaVersion);
        assert.equal(report.productVersion, expected.dacfx);
        assert.equal(report.zipFamily, expected.family);
        assert.equal(report.tables.length, expected.tables);
        assert.equal(report.rowTotal, expected.rows);
        assert.equal(
          report.tables.reduce((n, t) => n + (t.rows ?? NaN), 0),
          expected.rows,
        );
        const dacMetadata = (await readFixtureEntry(fixture, 'DacMetadata.xml')).toString('utf8');
        assert.equal(report.databaseName, elementText(dacMetadata, 'Name'));
        const origin = (await readFixtureEntry(fixture, 'Origin.xml')).toString('utf8');
        assert.equal(String(report.objectCounts.Table), elementText(origin, 'Table'));
        assert.equal(report.objectCounts.DatabaseOptions, 1);
        assert.equal(report.originRowTotal, elementText(origin, 'TableRowCountTotalTag'));
        const parts = await readFixtureDataParts(fixture);
        const listed = report.tables.flatMap((t) => t.parts);
        assert.deepEqual(listed.map((p) => p.name).sort(), parts.map((p) => p.name).sort());
        for (const part of parts) {
          assert.equal(listed.find((p) => p.name === part.name)?.size, part.data.length);
        }
      } finally {
        await source.close?.();
      }
    });
  }

  test('countRows: false reads the metadata only', async () => {
    const source = await fileSource(fixturePath('Northwind.bacpac'));
    try {
      const report = await inspectBacpac(source, { countRows: false });
      assert.equal(report.rowTotal, 0);
      const details = report.tables.find((t) => t.name === 'Order Details');
      assert.equal(details?.parts.length, 4);
      assert.equal(details?.rows, undefined);
      const origin = (await readFixtureEntry('Northwind.bacpac', 'Origin.xml')).toString('utf8');
      assert.equal(report.sourceDatabaseSizeKb, elementText(origin, 'SourceDatabaseSize'));
    } finally {
      await source.close?.();
    }
  });
});
