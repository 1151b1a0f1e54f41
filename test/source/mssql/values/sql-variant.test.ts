import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  readSqlVariant,
  sqlVariantExpressions,
  SQL_VARIANT_VALUE_COUNT,
} from '../../../../src/source/mssql/values/sql-variant';
import { tdsCollationBytes } from '../../../../src/source/mssql/values/collation-bytes';

const at = 'dbo.T.v row 1';
// [base, precision, scale, maxLength, collation, lcid, comparisonStyle, version, text, bytes]
const row = (...values: unknown[]): unknown[] => values;

describe('sql_variant', () => {
  test('one expression per value read', () => {
    assert.equal(sqlVariantExpressions('v').length, SQL_VARIANT_VALUE_COUNT);
  });
  test('NULL variant', () => {
    assert.equal(
      readSqlVariant(row(null, null, null, null, null, null, null, null, null, null), 0, at),
      null,
    );
  });
  test('varchar value with SQL_Latin1_General_CP1_CI_AS gives the collation bytes seen in real BCP data', () => {
    // [T] StrangeFields: collation bytes 09 04 d0 00 34, max length 26.
    const v = readSqlVariant(
      row(
        'varchar',
        0,
        0,
        26,
        'SQL_Latin1_General_CP1_CI_AS',
        1033,
        196609,
        0,
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        null,
      ),
      0,
      at,
    );
    assert.deepEqual(v, {
      kind: 'sql_variant',
      baseType: 'varchar',
      value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      maxLength: 26,
      collation: Buffer.from('0904d00034', 'hex'),
    });
  });
  test('int, bigint, decimal and datetime2 values', () => {
    assert.deepEqual(readSqlVariant(row('int', 10, 0, 4, null, null, null, null, '1', null), 0, at), {
      kind: 'sql_variant',
      baseType: 'int',
      value: 1,
    });
    assert.equal(
      readSqlVariant(row('bigint', 19, 0, 8, null, null, null, null, '-9223372036854775808', null), 0, at)
        ?.value,
      -9223372036854775808n,
    );
    assert.deepEqual(
      readSqlVariant(
        row('decimal', 38, 38, 17, null, null, null, null, '-.50000000000000000000000000000000000000', null),
        0,
        at,
      ),
      {
        kind: 'sql_variant',
        baseType: 'decimal',
        value: '-0.50000000000000000000000000000000000000',
        precision: 38,
        scale: 38,
      },
    );
    assert.deepEqual(
      readSqlVariant(
        row('datetime2', 27, 3, 8, null, null, null, null, '2003-02-01 11:22:33.1230000', null),
        0,
        at,
      ),
      {
        kind: 'sql_variant',
        baseType: 'datetime2',
        value: '2003-02-01 11:22:33.123',
        scale: 3,
      },
    );
  });
  test('varbinary value and an offset inside a wider row', () => {
    const v = readSqlVariant(
      row('x', 'varbinary', 0, 0, 3, null, null, null, null, null, Buffer.from('abcdef', 'hex')),
      1,
      at,
    );
    assert.deepEqual(v, {
      kind: 'sql_variant',
      baseType: 'varbinary',
      value: Buffer.from('abcdef', 'hex'),
      maxLength: 3,
    });
  });
  test('a real keeps its single-precision value', () => {
    assert.equal(
      readSqlVariant(row('real', 24, 0, 4, null, null, null, null, '0.10000000149011612', null), 0, at)
        ?.value,
      Math.fround(0.1),
    );
  });
});

describe('tdsCollationBytes', () => {
  test('Windows collations have sort id 0 and flags from the comparison style and name', () => {
    // Latin1_General_100_CI_AS_KS_WS_SC_UTF8: LCID 1033, case-insensitive only, version 2.
    assert.deepEqual(
      tdsCollationBytes({
        name: 'Latin1_General_100_CI_AS_KS_WS_SC_UTF8',
        lcid: 1033,
        comparisonStyle: 1,
        version: 2,
      }),
      // bits 20 (ignore case) and 26 (UTF-8) set, version 2 in bits 28-31
      Buffer.from([0x09, 0x04, 0x10, 0x24, 0x00]),
    );
    assert.deepEqual(
      tdsCollationBytes({ name: 'Latin1_General_BIN2', lcid: 1033, comparisonStyle: 0, version: 0 }),
      // bit 25 (binary2) set
      Buffer.from([0x09, 0x04, 0x00, 0x02, 0x00]),
    );
  });
  test('an unknown SQL collation gives undefined rather than a guess', () => {
    assert.equal(
      tdsCollationBytes({
        name: 'SQL_Scandinavian_CP850_CI_AS',
        lcid: 1035,
        comparisonStyle: 196609,
        version: 0,
      }),
      undefined,
    );
  });
});
