import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseDataPartName } from '../../../src/bacpac/package/part-names';
import { randomRelationshipId, readRels, writeRels } from '../../../src/bacpac/package/rels';
import type { DataPartReference } from '../../../src/bacpac/package/rels';
import { listFixtures, readFixtureEntries } from '../../helpers/fixtures';

function idsFrom(ids: readonly string[]): () => string {
  let next = 0;
  return () => {
    const id = ids[next++];
    if (id === undefined) throw new Error('ran out of ids');
    return id;
  };
}

describe('_rels/.rels on the real fixtures', () => {
  for (const name of listFixtures()) {
    test(`${name}: written from the ZIP's data entries (in entry order) and the fixture's ids, bytes equal`, async () => {
      const entries = await readFixtureEntries(name);
      const expected = entries.get('_rels/.rels')!;
      const rels = readRels(expected);
      const parts: DataPartReference[] = [...entries.keys()]
        .filter((entry) => parseDataPartName(entry) !== undefined)
        .map((partName) => {
          const owner = rels.tablesByTarget.get(`/${partName}`);
          assert.ok(owner?.schema !== undefined && owner.table !== undefined, partName);
          return { schema: owner.schema, table: owner.table, partName };
        });
      assert.equal(rels.relationships.length, parts.length * 2);
      const written = writeRels(parts, idsFrom(rels.relationships.map((r) => r.id)));
      assert.equal(written.toString('utf8'), expected.toString('utf8'));
      assert.deepEqual(written, expected);
    });
  }

  test('Devops: the reader returns the two relationships as written', async () => {
    const rels = readRels((await readFixtureEntries('devops-module12-database.bacpac')).get('_rels/.rels')!);
    const target = '/Data/dbo.DemoTable/TableData-000-00000.BCP';
    assert.deepEqual(rels.relationships, [
      { type: 'table=DemoTable', target, id: 'R91f525e00bea4684' },
      { type: 'schema=dbo', target, id: 'R925092994560448e' },
    ]);
    assert.deepEqual(rels.tablesByTarget.get(target), { table: 'DemoTable', schema: 'dbo' });
  });

  test('Northwind: the table name in Type is raw, the target escaped', async () => {
    const rels = readRels((await readFixtureEntries('Northwind.bacpac')).get('_rels/.rels')!);
    const owner = rels.tablesByTarget.get('/Data/dbo.Order%20Details/TableData-000-00000.BCP');
    assert.deepEqual(owner, { table: 'Order Details', schema: 'dbo' });
  });
});

describe('writeRels', () => {
  test('escapes names for XML attributes and reads them back', () => {
    const part = {
      schema: 'a&b',
      table: 'x"<y>\tz',
      partName: 'Data/a&b.x%22%3Cy%3E%09z/TableData-000-00000.BCP',
    };
    const bytes = writeRels([part], idsFrom(['R0000000000000001', 'R0000000000000002']));
    const text = bytes.toString('utf8');
    assert.ok(
      text.includes(
        'Type="table=x&quot;&lt;y&gt;&#x9;z" Target="/Data/a&amp;b.x%22%3Cy%3E%09z/TableData-000-00000.BCP" Id="R0000000000000001" />',
      ),
    );
    assert.ok(text.includes('Type="schema=a&amp;b"'));
    const read = readRels(bytes);
    assert.deepEqual(read.tablesByTarget.get(`/${part.partName}`), {
      table: part.table,
      schema: part.schema,
    });
  });

  test('random ids have DacFx form and differ', () => {
    const a = randomRelationshipId();
    const b = randomRelationshipId();
    assert.match(a, /^R[0-9a-f]{16}$/);
    assert.notEqual(a, b);
  });

  test('refuses malformed or repeated ids, and an empty part list', () => {
    const part = { schema: 'dbo', table: 'T', partName: 'Data/dbo.T/TableData-000-00000.BCP' };
    assert.throws(
      () => writeRels([part], idsFrom(['R0000000000000001', 'R0000000000000001'])),
      /\[RELS_INVALID\].*"R0000000000000001"/,
    );
    assert.throws(
      () => writeRels([part], idsFrom(['RABCDEF0000000000', 'R0000000000000002'])),
      /\[RELS_INVALID\]/,
    );
    assert.throws(() => writeRels([]), /\[RELS_INVALID\] _rels\/\.rels: no data parts/);
  });

  test('reader refuses a relationship without an Id', () => {
    const xml =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="t" Target="/x" /></Relationships>';
    assert.throws(() => readRels(Buffer.from(xml)), /\[RELS_INVALID\]/);
  });
});
