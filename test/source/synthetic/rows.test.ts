import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import { createSyntheticSource } from '../../../src/source/synthetic';
import type { ExportSource } from '../../../src/source/types';
import { collectRows, partBytes, tableNamed, wholeTable } from './synthetic-helpers';

/** Rows of every demo table through the BCP codec, determinism, and parts against the whole. */
async function digestOf(source: ExportSource): Promise<string> {
  const hash = createHash('sha256');
  for (const table of (await source.readSchema()).tables) {
    hash.update(`${table.schema}.${table.name}\n`);
    hash.update(await partBytes(source, table, wholeTable(table)));
  }
  return hash.digest('hex');
}

describe('synthetic rows', () => {
  test('every table encodes with the BCP encoder and decodes back to the same values', async () => {
    const source = createSyntheticSource();
    const schema = await source.readSchema();
    assert.deepEqual(
      schema.tables.map((t) => `${t.schema}.${t.name}`),
      ['sales.Customer', 'sales.SalesOrder', 'dbo.AllTypes', 'dbo.RequiredTypes'],
    );
    let total = 0;
    for (const table of schema.tables) {
      const rows = await collectRows(source.openRows(wholeTable(table)));
      assert.equal(String(rows.length), table.estimatedRows);
      const bytes = await partBytes(source, table, wholeTable(table));
      const decoded = [...decodeBcpRows(bytes, table.columns, table.name)];
      assert.equal(decoded.length, rows.length);
      for (let i = 0; i < rows.length; i++)
        assert.deepEqual(decoded[i], rows[i], `${table.name} row ${i + 1}`);
      total += rows.length;
    }
    assert.ok(total >= 2000 && total <= 10_000, `a few thousand rows by default, found ${total}`);
  });

  test('identity keys are the row number, so they ascend', async () => {
    const source = createSyntheticSource();
    for (const table of (await source.readSchema()).tables) {
      const rows = await collectRows(source.openRows(wholeTable(table)));
      rows.forEach((row, i) => assert.equal(BigInt(row[0] as number | bigint), BigInt(i + 1)));
    }
  });

  test('foreign keys point at customers that exist', async () => {
    const source = createSyntheticSource({ scale: 0.5, seed: 9 });
    const schema = await source.readSchema();
    const customers = Number(tableNamed(schema.tables, 'sales', 'Customer').estimatedRows);
    const orders = await collectRows(
      source.openRows(wholeTable(tableNamed(schema.tables, 'sales', 'SalesOrder'))),
    );
    for (const order of orders) {
      const id = order[1] as number;
      assert.ok(id >= 1 && id <= customers, `customer ${id} of ${customers}`);
    }
  });

  test('the same seed gives identical bytes; another seed or scale gives different bytes', async () => {
    const a = await digestOf(createSyntheticSource({ seed: 42 }));
    assert.equal(await digestOf(createSyntheticSource({ seed: 42 })), a);
    assert.notEqual(await digestOf(createSyntheticSource({ seed: 43 })), a);
    assert.notEqual(await digestOf(createSyntheticSource({ seed: 42, scale: 1.5 })), a);
  });

  test('the parts of a split table, concatenated in segment order, equal the unsplit table', async () => {
    const source = createSyntheticSource({ seed: 7 });
    const schema = await source.readSchema();
    for (const table of schema.tables) {
      const whole = await partBytes(source, table, wholeTable(table));
      const parts = await source.planParts(table, { splitRowThreshold: 37 });
      assert.ok(parts.length > 1);
      const pieces: Buffer[] = [];
      for (const part of parts) pieces.push(await partBytes(source, table, part));
      assert.ok(Buffer.concat(pieces).equals(whole), `${table.name}: parts differ from the whole`);
    }
  });

  test('parts can be generated in any order and in parallel', async () => {
    const source = createSyntheticSource({ seed: 3 });
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'SalesOrder');
    const parts = await source.planParts(table, { splitRowThreshold: 500 });
    const forward = await Promise.all(parts.map((p) => partBytes(source, table, p)));
    const backward: Buffer[] = [];
    for (const part of [...parts].reverse()) backward.unshift(await partBytes(source, table, part));
    forward.forEach((bytes, i) => assert.ok(bytes.equals(backward[i] as Buffer)));
  });
});
