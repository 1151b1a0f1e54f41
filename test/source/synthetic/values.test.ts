import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import type { BcpRow, BcpValue, SqlVariantValue } from '../../../src/bacpac/bcp';
import { createSyntheticSource } from '../../../src/source/synthetic';
import type { SourceTable } from '../../../src/source/types';
import { readModelColumns } from '../../helpers/fixture-columns';
import { readFixtureEntries } from '../../helpers/fixtures';
import { collectRows, tableNamed, wholeTable } from './synthetic-helpers';

/** The values of the all-types tables: boundaries, edge cases and valid spatial/xml/variant data. */
interface Loaded {
  readonly table: SourceTable;
  readonly rows: BcpRow[];
}

async function load(name: string): Promise<Loaded> {
  const source = createSyntheticSource();
  const table = tableNamed((await source.readSchema()).tables, 'dbo', name);
  return { table, rows: await collectRows(source.openRows(wholeTable(table))) };
}

function columnValues(data: Loaded, column: string): BcpValue[] {
  const at = data.table.columns.findIndex((c) => c.name === column);
  assert.ok(at >= 0, `no column ${column}`);
  return data.rows.map((row) => row[at] ?? null);
}

/** The geography, geometry and hierarchyid values SQL Server wrote into bacpactod-Test. */
async function fixtureSpatial(): Promise<Map<string, Set<string>>> {
  const entries = await readFixtureEntries('bacpactod-Test.bacpac');
  const columns = readModelColumns(entries.get('model.xml') ?? Buffer.alloc(0));
  const found = new Map<string, Set<string>>();
  for (const name of ['dbo.StrangeFields1', 'dbo.StrangeFields2']) {
    const cols = columns.get(name) ?? [];
    const data = entries.get(`Data/${name}/TableData-000-00000.BCP`) ?? Buffer.alloc(0);
    for (const row of decodeBcpRows(data, cols, name)) {
      cols.forEach((c, i) => {
        const v = row[i];
        if (!Buffer.isBuffer(v)) return;
        const set = found.get(c.type) ?? new Set<string>();
        set.add(v.toString('hex'));
        found.set(c.type, set);
      });
    }
  }
  return found;
}

describe('synthetic values', () => {
  let all: Loaded;
  let required: Loaded;
  before(async () => {
    all = await load('AllTypes');
    required = await load('RequiredTypes');
  });

  test('range ends of the exact types are present', () => {
    const max38 = '9'.repeat(38);
    assert.ok(columnValues(all, 'c_decimal_38_0').includes(max38));
    assert.ok(columnValues(all, 'c_decimal_38_0').includes(`-${max38}`));
    assert.ok(columnValues(all, 'c_decimal_38_38').includes(`0.${max38}`));
    assert.ok(columnValues(all, 'c_money').includes('922337203685477.5807'));
    assert.ok(columnValues(all, 'c_money').includes('-922337203685477.5808'));
    assert.ok(columnValues(all, 'c_smallmoney').includes('-214748.3648'));
    assert.ok(columnValues(all, 'c_bigint').includes(-(2n ** 63n)));
    assert.ok(columnValues(all, 'c_bigint').includes(2n ** 63n - 1n));
    assert.ok(columnValues(required, 'c_int').includes(-2147483648));
  });

  test('date and time range ends, 100 ns values and offsets on both sides of UTC are present', () => {
    assert.ok(columnValues(all, 'c_date').includes('0001-01-01'));
    assert.ok(columnValues(all, 'c_date').includes('9999-12-31'));
    assert.ok(columnValues(all, 'c_datetime2_7').includes('9999-12-31 23:59:59.9999999'));
    assert.ok(
      columnValues(all, 'c_datetime2_7').some((v) => typeof v === 'string' && v.endsWith('.0000001')),
    );
    assert.ok(columnValues(all, 'c_time_7').includes('00:00:00.0000001'));
    const offsets = columnValues(all, 'c_datetimeoffset_7').filter((v) => typeof v === 'string');
    assert.ok(offsets.some((v) => / -\d\d:\d\d$/.test(v)));
    assert.ok(offsets.some((v) => / \+\d\d:\d\d$/.test(v) && !v.endsWith('+00:00')));
    assert.ok(offsets.includes('0001-01-01 00:00:00.0000000 -14:00'));
  });

  test('empty strings and binaries are distinct from NULL; surrogate pairs and other scripts appear', () => {
    for (const column of ['c_varchar_50', 'c_nvarchar_max', 'c_text', 'c_ntext']) {
      const values = columnValues(all, column);
      assert.ok(values.includes(''), `${column} has an empty string`);
      assert.ok(values.includes(null), `${column} has NULL`);
    }
    assert.ok(columnValues(all, 'c_varbinary_64').some((v) => Buffer.isBuffer(v) && v.length === 0));
    assert.ok(columnValues(required, 'c_nvarchar_100').includes(''));
    const unicode = columnValues(all, 'c_nvarchar_100')
      .filter((v) => typeof v === 'string')
      .join('');
    assert.match(unicode, /[\ud800-\udbff][\udc00-\udfff]/);
    assert.match(unicode, /[\u3040-\u9fff]/);
    assert.match(unicode, /[\u0590-\u06ff]/);
    assert.ok(columnValues(all, 'c_nchar_10').includes('𝄞𝄞𝄞𝄞𝄞'));
  });

  test('one varbinary(max) value is over 100 KB', () => {
    const sizes = columnValues(all, 'c_varbinary_max').map((v) => (Buffer.isBuffer(v) ? v.length : 0));
    assert.ok(Math.max(...sizes) > 100 * 1024);
  });

  test('NOT NULL columns never hold NULL; nullable ones do', () => {
    for (const [i, column] of required.table.columns.entries()) {
      assert.equal(column.nullable, false);
      assert.ok(
        required.rows.every((row) => row[i] !== null),
        column.name,
      );
    }
    const nullable = all.table.columns.filter((c) => c.nullable);
    assert.ok(nullable.length >= 38);
    for (const column of nullable) assert.ok(columnValues(all, column.name).includes(null), column.name);
  });

  test('geography, geometry and hierarchyid values are real SQL Server values or points in their layout', async () => {
    const real = await fixtureSpatial();
    for (const type of ['geography', 'geometry', 'hierarchyid']) {
      const known = real.get(type) ?? new Set<string>();
      const values = [...all.rows, ...required.rows].flatMap((row) =>
        row.filter((_, i) => all.table.columns[i]?.type === type),
      );
      let fromFixture = 0;
      for (const v of values) {
        if (v === null) continue;
        assert.ok(Buffer.isBuffer(v));
        if (known.has(v.toString('hex'))) {
          fromFixture += 1;
          continue;
        }
        if (type === 'hierarchyid') {
          assert.ok(['58', '68', '5ac0', '5b40'].includes(v.toString('hex')), v.toString('hex'));
          continue;
        }
        // A point: SRID, version 1, properties 0x0C (valid, single point), two finite doubles.
        assert.equal(v.length, 22);
        assert.equal(v.readInt32LE(0), type === 'geography' ? 4326 : 0);
        assert.equal(v.readUInt16BE(4), 0x010c);
        const [a, b] = [v.readDoubleLE(6), v.readDoubleLE(14)];
        assert.ok(Number.isFinite(a) && Number.isFinite(b));
        if (type === 'geography') assert.ok(Math.abs(a) <= 90 && Math.abs(b) <= 180, `lat ${a} long ${b}`);
      }
      assert.ok(fromFixture >= 2, `${type}: ${fromFixture} real values`);
    }
  });

  test('xml values are well-formed', () => {
    const values = [...columnValues(all, 'c_xml'), ...columnValues(required, 'c_xml')];
    for (const v of values) {
      if (v === null) continue;
      assert.ok(typeof v === 'string');
      const parser = new SaxesParser({ fragment: true });
      let error: Error | undefined;
      parser.on('error', (e) => (error ??= e));
      parser.write(v).close();
      assert.equal(error, undefined, `${v.slice(0, 80)}: ${String(error)}`);
    }
  });

  test('sql_variant values have several base types', () => {
    const variants = columnValues(all, 'c_sql_variant').filter((v): v is SqlVariantValue => v !== null);
    const baseTypes = new Set(variants.map((v) => v.baseType));
    for (const type of ['int', 'varchar', 'nvarchar', 'decimal', 'datetime2', 'bigint', 'uniqueidentifier']) {
      assert.ok(baseTypes.has(type), `no sql_variant of ${type}`);
    }
  });
});
