import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSyntheticSource } from '../../../src/source/synthetic';
import { collectRows, tableNamed } from './synthetic-helpers';

/** planParts: contiguous row ranges, segment numbers in order, plain JSON, checked when opened. */
describe('synthetic planParts', () => {
  test('a table at or under the threshold is one part, segment 0, without a range', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'Customer');
    assert.equal(table.estimatedRows, '500');
    assert.deepEqual(await source.planParts(table, { splitRowThreshold: 500 }), [
      { schema: 'sales', table: 'Customer', segment: 0, estimatedRows: '500' },
    ]);
  });

  test('a larger table is split into contiguous ranges that cover it exactly', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'SalesOrder');
    const parts = await source.planParts(table, { splitRowThreshold: 700 });
    assert.deepEqual(JSON.parse(JSON.stringify(parts)), parts);
    assert.deepEqual(
      parts.map((p) => [p.segment, p.range, p.estimatedRows]),
      [
        [0, { from: 0, to: 600 }, '600'],
        [1, { from: 600, to: 1200 }, '600'],
        [2, { from: 1200, to: 1800 }, '600'],
        [3, { from: 1800, to: 2400 }, '600'],
        [4, { from: 2400, to: 3000 }, '600'],
      ],
    );
    const rows = await collectRows(source.openRows(parts[2]!));
    assert.equal(rows.length, 600);
    assert.equal(rows[0]?.[0], 1201n);
    assert.equal(rows[599]?.[0], 1800n);
  });

  test('maxPartsPerTable caps the number of parts', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'SalesOrder');
    const parts = await source.planParts(table, { splitRowThreshold: 10, maxPartsPerTable: 4 });
    assert.deepEqual(
      parts.map((p) => p.range),
      [
        { from: 0, to: 750 },
        { from: 750, to: 1500 },
        { from: 1500, to: 2250 },
        { from: 2250, to: 3000 },
      ],
    );
  });

  test('bad ranges, unknown tables and bad thresholds are refused with their code', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'Customer');
    const part = { schema: 'sales', table: 'Customer', segment: 1, estimatedRows: '1' };
    assert.throws(
      () => source.openRows({ ...part, range: { from: 10, to: 501 } }),
      /^SyntheticSourceError: \[SYNTHETIC_BAD_RANGE\] \[sales\]\.\[Customer\] segment 1: expected a row range inside 0\.\.500, found \{"from":10,"to":501\}$/,
    );
    assert.throws(() => source.openRows({ ...part, range: { from: 5, to: 4 } }), /SYNTHETIC_BAD_RANGE/);
    assert.throws(() => source.openRows({ ...part, range: 'all' }), /SYNTHETIC_BAD_RANGE/);
    assert.throws(
      () => source.openRows({ ...part, table: 'Nope' }),
      /^SyntheticSourceError: \[SYNTHETIC_UNKNOWN_TABLE\] \[sales\]\.\[Nope\]/,
    );
    await assert.rejects(source.planParts(table, { splitRowThreshold: 0 }), /SYNTHETIC_OPTIONS/);
    await assert.rejects(source.readSchema({ tables: ['dbo.Missing'] }), /SYNTHETIC_UNKNOWN_TABLE/);
  });

  test('readSchema can select tables while the model keeps describing them all', async () => {
    const source = createSyntheticSource();
    const schema = await source.readSchema({ tables: ['dbo.AllTypes'] });
    assert.deepEqual(
      schema.tables.map((t) => t.name),
      ['AllTypes'],
    );
    assert.equal(schema.model.elements.filter((e) => e.type === 'SqlTable').length, 4);
  });
});
