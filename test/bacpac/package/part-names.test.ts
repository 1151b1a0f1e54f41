import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  dataPartName,
  parseDataPartName,
  partUri,
  resolveDataFolder,
} from '../../../src/bacpac/package/part-names';
import { readRels } from '../../../src/bacpac/package/rels';
import { listFixtures, readFixtureEntries } from '../../helpers/fixtures';

describe('data part names of the real fixtures', () => {
  test('Northwind stores [dbo].[Order Details] as Data/dbo.Order%20Details/...', () => {
    assert.equal(dataPartName('dbo', 'Order Details', 0), 'Data/dbo.Order%20Details/TableData-000-00000.BCP');
    assert.equal(dataPartName('dbo', 'Order Details', 3), 'Data/dbo.Order%20Details/TableData-003-00000.BCP');
    assert.deepEqual(parseDataPartName('Data/dbo.Order%20Details/TableData-002-00000.BCP'), {
      folder: 'dbo.Order Details',
      schema: 'dbo',
      table: 'Order Details',
      segment: 2,
      subSegment: 0,
    });
  });

  for (const name of listFixtures()) {
    test(`${name}: every data entry name is dataPartName() of the table its relationships name`, async () => {
      const entries = await readFixtureEntries(name);
      const rels = readRels(entries.get('_rels/.rels')!);
      const dataEntries = [...entries.keys()].filter((entry) => entry.startsWith('Data/'));
      assert.ok(dataEntries.length > 0);
      for (const entry of dataEntries) {
        const parsed = parseDataPartName(entry);
        assert.ok(parsed, entry);
        const owner = rels.tablesByTarget.get(partUri(entry));
        assert.ok(owner?.schema !== undefined && owner.table !== undefined, entry);
        assert.equal(dataPartName(owner.schema, owner.table, parsed.segment, parsed.subSegment), entry);
        assert.equal(parsed.folder, `${owner.schema}.${owner.table}`);
      }
    });
  }
});

describe('dataPartName / parseDataPartName', () => {
  test('numbers are zero-padded and range-checked', () => {
    assert.equal(
      dataPartName('SalesLT', 'Product', 999, 99999),
      'Data/SalesLT.Product/TableData-999-99999.BCP',
    );
    assert.throws(
      () => dataPartName('dbo', 'T', 1000),
      /\[PART_NAME_INVALID\] data part of dbo\.T: segment must be an integer 0\.\.999, got 1000/,
    );
    assert.throws(() => dataPartName('dbo', 'T', -1), /\[PART_NAME_INVALID\]/);
    assert.throws(() => dataPartName('dbo', 'T', 1.5), /\[PART_NAME_INVALID\]/);
    assert.throws(() => dataPartName('dbo', 'T', 0, 100000), /sub-segment/);
  });

  test('round trips names with dots, escapes and non-ASCII', () => {
    const names: Array<[string, string]> = [
      ['dbo', 'Order Details'],
      ['my.schema', 'a.b'],
      ['sales%', 'Größe #1'],
      ['x', 'y/z'],
    ];
    for (const [schema, table] of names) {
      const parsed = parseDataPartName(partUri(dataPartName(schema, table, 7, 12)));
      assert.equal(parsed?.folder, `${schema}.${table}`);
      assert.equal(parsed?.segment, 7);
      assert.equal(parsed?.subSegment, 12);
    }
  });

  test('a folder with more than one dot is not split', () => {
    assert.deepEqual(parseDataPartName('Data/my.schema.T/TableData-000-00000.BCP'), {
      folder: 'my.schema.T',
      segment: 0,
      subSegment: 0,
    });
  });

  test('names that are not data parts give undefined', () => {
    for (const name of [
      'model.xml',
      '_rels/.rels',
      'Data/dbo.T/other.BCP',
      'Data/dbo.T/TableData-000-00000.bcpx',
      'Data/a/b/TableData-000-00000.BCP',
    ]) {
      assert.equal(parseDataPartName(name), undefined, name);
    }
  });

  test('partUri prefixes a slash', () => {
    assert.equal(partUri('Data/dbo.T/TableData-000-00000.BCP'), '/Data/dbo.T/TableData-000-00000.BCP');
  });
});

describe('resolveDataFolder', () => {
  const tables = [
    { schema: 'dbo', name: 'Order Details' },
    { schema: 'a.b', name: 'c' },
    { schema: 'a', name: 'b.c' },
    { schema: 'my.schema', name: 'T' },
  ];
  test('finds the one table whose schema.name equals the folder', () => {
    assert.equal(resolveDataFolder('dbo.Order Details', tables), tables[0]);
    assert.equal(resolveDataFolder('my.schema.T', tables), tables[3]);
    assert.equal(resolveDataFolder('dbo.Missing', tables), undefined);
  });
  test('refuses a folder two tables share', () => {
    assert.throws(
      () => resolveDataFolder('a.b.c', tables),
      /\[DATA_FOLDER_AMBIGUOUS\] data folder "a\.b\.c" matches 2 tables: \[a\.b\]\.\[c\], \[a\]\.\[b\.c\]/,
    );
  });
});
