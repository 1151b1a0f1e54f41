import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import { createBacpacFileSource } from '../../../src/source/bacpac-file';
import { readModelColumns } from '../../helpers/fixture-columns';
import { fixturePath, listFixtures, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';

const PLAN = { splitRowThreshold: 1000 };

function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('createBacpacFileSource over every fixture', () => {
  for (const fixture of listFixtures()) {
    test(`${fixture}: schema, parts with the original segments, rows equal to the raw entries' decode`, async () => {
      const source = createBacpacFileSource(fixturePath(fixture));
      try {
        const schema = await source.readSchema();
        const oracle = readModelColumns(await readFixtureEntry(fixture, 'model.xml'));
        assert.deepEqual(schema.tables.map((t) => `${t.schema}.${t.name}`).sort(), [...oracle.keys()].sort());
        for (const table of schema.tables) {
          const expected = oracle.get(`${table.schema}.${table.name}`)!;
          assert.deepEqual(
            table.columns.map((c) => [c.name, c.type, c.nullable, c.length, c.scale]),
            expected.map((c) => [c.name, c.type, c.nullable, c.length, c.scale]),
          );
        }
        const dacMetadata = (await readFixtureEntry(fixture, 'DacMetadata.xml')).toString('utf8');
        assert.equal(schema.databaseName, elementText(dacMetadata, 'Name'));
        const origin = (await readFixtureEntry(fixture, 'Origin.xml')).toString('utf8');
        assert.equal(schema.databaseSizeKb, elementText(origin, 'SourceDatabaseSize'));
        assert.match(schema.serverVersion, /^Microsoft SQL (Server|Azure)/);
        assert.deepEqual(schema.findings, []);

        const raw = await readFixtureDataParts(fixture);
        for (const table of schema.tables) {
          const key = `${table.schema}.${table.name}`;
          const ownRaw = raw.filter((p) => p.table === key).sort((a, b) => a.name.localeCompare(b.name));
          const parts = await source.planParts(table, PLAN);
          if (ownRaw.length === 0) {
            assert.deepEqual(parts, [
              {
                schema: table.schema,
                table: table.name,
                segment: 0,
                estimatedRows: '0',
                range: { entry: null, subSegment: 0 },
              },
            ]);
            const rows = await source.openRows(parts[0]!).toArray();
            assert.deepEqual(rows, []);
            continue;
          }
          assert.deepEqual(
            parts.map((p) => [(p.range as { entry: string }).entry, p.segment]),
            ownRaw.map((r) => [r.name, Number(/TableData-(\d{3})-/.exec(r.name)![1])]),
          );
          assert.ok(Number(table.estimatedBytes) === ownRaw.reduce((n, r) => n + r.data.length, 0));
          for (const [i, part] of parts.entries()) {
            const rows = await source.openRows(part).toArray();
            const columns = oracle.get(key)!;
            assert.deepEqual(rows, [...decodeBcpRows(ownRaw[i]!.data, columns, key)], ownRaw[i]!.name);
          }
        }
      } finally {
        await source.close();
      }
    });
  }

  test('readSchema({ tables }) keeps the model whole and lists only the tables asked for', async () => {
    const source = createBacpacFileSource(fixturePath('Northwind.bacpac'));
    try {
      const schema = await source.readSchema({ tables: ['dbo.Order Details', 'dbo.Region'] });
      assert.deepEqual(
        schema.tables.map((t) => t.name),
        ['Order Details', 'Region'],
      );
      assert.equal(schema.model.elements.filter((e) => e.type === 'SqlTable').length, 13);
      await assert.rejects(
        source.readSchema({ tables: ['dbo.Nope'] }),
        /\[BACPAC_SOURCE_TABLE_NOT_FOUND\] table dbo\.Nope: expected a table of the package's model/,
      );
    } finally {
      await source.close();
    }
  });

  test('failOnPart (test facility) fails the chosen part after the chosen number of rows', async () => {
    const source = createBacpacFileSource(fixturePath('Northwind.bacpac'), {
      failOnPart: { table: 'dbo.Order Details', segment: 2, afterRows: 100 },
    });
    try {
      const [table] = (await source.readSchema({ tables: ['dbo.Order Details'] })).tables;
      const parts = await source.planParts(table!, PLAN);
      let seen = 0;
      await assert.rejects(
        (async () => {
          for await (const _row of source.openRows(parts[2]!)) seen += 1;
        })(),
        /\[BACPAC_SOURCE_INJECTED_FAILURE\] part Data\/dbo\.Order%20Details\/TableData-002-00000\.BCP \(dbo\.Order Details\): failure injected by failOnPart after 100 rows/,
      );
      // A stream that errors drops the rows it had buffered, so the consumer sees at most 100.
      assert.ok(seen > 0 && seen <= 100, `saw ${seen} rows`);
      assert.ok((await source.openRows(parts[1]!).toArray()).length > 100, 'other parts are not affected');
    } finally {
      await source.close();
    }
  });

  test('openRows refuses a part spec it did not plan', async () => {
    const source = createBacpacFileSource(fixturePath('Northwind.bacpac'));
    try {
      const bad = {
        schema: 'dbo',
        table: 'Region',
        segment: 0,
        estimatedRows: '1',
        range: { entry: 'Data/dbo.Orders/TableData-000-00000.BCP', subSegment: 0 },
      };
      await assert.rejects(
        source.openRows(bad).toArray(),
        /\[BACPAC_SOURCE_BAD_PART\] dbo\.Region segment 0: expected a data part of this table/,
      );
      assert.throws(() => source.openRows({ ...bad, range: 7 }), /\[BACPAC_SOURCE_BAD_PART\]/);
    } finally {
      await source.close();
    }
  });
});
