import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import { createSyntheticSource } from '../../../src/source/synthetic';
import { collectRows, partBytes, wholeTable } from './synthetic-helpers';

/** The bench profile: one wide table whose BCP data comes to about targetBytes. */
describe('synthetic bench profile', () => {
  test('one wide mixed-type table; its BCP data is targetBytes to within one row, and estimatedBytes is exact', async () => {
    const targetBytes = 3_000_000;
    const source = createSyntheticSource({ profile: 'bench', targetBytes, seed: 5 });
    const schema = await source.readSchema();
    assert.equal(schema.databaseName, 'BacpacFlowBench');
    assert.equal(schema.tables.length, 1);
    const table = schema.tables[0]!;
    const types = new Set(table.columns.map((c) => c.type));
    for (const type of [
      'int',
      'bigint',
      'decimal',
      'datetime2',
      'nvarchar',
      'varbinary',
      'uniqueidentifier',
      'float',
      'bit',
    ]) {
      assert.ok(types.has(type as never), type);
    }
    const bytes = await partBytes(source, table, wholeTable(table));
    assert.equal(String(bytes.length), table.estimatedBytes);
    assert.ok(bytes.length >= targetBytes && bytes.length < targetBytes + 2000, `${bytes.length} bytes`);
    const decoded = [...decodeBcpRows(bytes, table.columns, table.name)];
    assert.equal(String(decoded.length), table.estimatedRows);
    const rows = await collectRows(source.openRows(wholeTable(table)));
    assert.deepEqual(decoded.slice(0, 50), rows.slice(0, 50));
    assert.deepEqual(decoded.at(-1), rows.at(-1));
  });

  test('split parts concatenate to the whole, and the seed decides the bytes', async () => {
    const source = createSyntheticSource({ profile: 'bench', targetBytes: 1_000_000, seed: 5 });
    const table = (await source.readSchema()).tables[0]!;
    const whole = await partBytes(source, table, wholeTable(table));
    const parts = await source.planParts(table, { splitRowThreshold: 1000 });
    assert.ok(parts.length > 2);
    const pieces = await Promise.all(parts.map((p) => partBytes(source, table, p)));
    assert.ok(Buffer.concat(pieces).equals(whole));
    const again = createSyntheticSource({ profile: 'bench', targetBytes: 1_000_000, seed: 5 });
    assert.ok((await partBytes(again, table, wholeTable(table))).equals(whole));
    const other = createSyntheticSource({ profile: 'bench', targetBytes: 1_000_000, seed: 6 });
    assert.ok(!(await partBytes(other, table, wholeTable(table))).equals(whole));
  });

  test('a 2 GB target plans millions of rows, sized to the target', async () => {
    const source = createSyntheticSource({ profile: 'bench', targetBytes: 2_000_000_000 });
    const table = (await source.readSchema()).tables[0]!;
    assert.ok(Number(table.estimatedRows) > 1_000_000);
    const bytes = BigInt(table.estimatedBytes);
    assert.ok(bytes >= 2_000_000_000n && bytes < 2_000_001_000n);
  });
});
