import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import type { BcpColumn, BcpValue } from '../../../src/bacpac/bcp';
import { readModelColumns } from '../../helpers/fixture-columns';
import { readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';
import { col, decodeOne, encodeOne, hex } from './codec-helpers';

/**
 * Field bytes pinned from the format spec's worked examples (5.4, 5.5), which are real bytes of
 * bacpactod-Test.bacpac [T] and devops-module12-database.bacpac [A]. Each case encodes the value to
 * exactly these bytes and decodes the bytes back to the value's canonical text.
 */
const Z = (n: number): string => '00'.repeat(n);
const utf16 = (s: string): string => Buffer.from(s, 'utf16le').toString('hex');

const CASES: readonly [string, BcpColumn, BcpValue, string][] = [
  ['int NOT NULL max', col('int', false), 2147483647, 'ffffff7f'],
  ['int nullable 1', col('int', true), 1, '04 01000000'],
  ['int nullable NULL', col('int', true), null, 'ff'],
  ['tinyint NOT NULL 127', col('tinyint', false), 127, '7f'],
  ['smallint NOT NULL max', col('smallint', false), 32767, 'ff7f'],
  ['bigint NOT NULL max', col('bigint', false), 9223372036854775807n, 'ffffffffffffff7f'],
  ['float NOT NULL 2^63', col('float', false, { precision: 53 }), 9.223372036854776e18, '000000000000e043'],
  ['float nullable 1.0', col('float', true), 1, '08 000000000000f03f'],
  ['real NOT NULL 2^63', col('real', false), 9223372036854775808, '0000005f'],
  ['bit NOT NULL true keeps its prefix', col('bit', false), true, '01 01'],
  [
    'decimal(4,0) 1234',
    col('decimal', false, { precision: 4, scale: 0 }),
    '1234',
    `13 04 00 01 d204${Z(14)}`,
  ],
  ['decimal(1,0) 5', col('decimal', false, { precision: 1, scale: 0 }), '5', `13 01 00 01 05${Z(15)}`],
  [
    'decimal(4,2) 12.34',
    col('decimal', false, { precision: 4, scale: 2 }),
    '12.34',
    `13 04 02 01 d204${Z(14)}`,
  ],
  [
    'decimal(18,0) -999999999999999999',
    col('decimal', true, { precision: 18, scale: 0 }),
    '-999999999999999999',
    `13 12 00 00 ffff63a7b3b6e00d${Z(8)}`,
  ],
  [
    'numeric(4,0) 1234',
    col('numeric', false, { precision: 4, scale: 0 }),
    '1234',
    `13 04 00 01 d204${Z(14)}`,
  ],
  ['money NOT NULL', col('money', false), '123456789012.1234', 'd5620400 12b28a3c'],
  ['money nullable 1', col('money', true), '1.0000', '08 00000000 10270000'],
  ['smallmoney NOT NULL', col('smallmoney', false), '12345.6789', '15cd5b07'],
  [
    'uniqueidentifier',
    col('uniqueidentifier', true),
    '12345678-ABCD-EF12-1234-FEDCBA987654',
    '10 78563412 cdab 12ef 1234 fedcba987654',
  ],
  [
    'uniqueidentifier NOT NULL keeps its prefix',
    col('uniqueidentifier', false),
    '00112233-4455-6677-8899-AABBCCDDEEFF',
    '10 33221100 5544 7766 8899 aabbccddeeff',
  ],
  ['date', col('date', true), '2003-02-01', '03 6e280b'],
  ['datetime', col('datetime', true), '2003-02-01 11:22:33.123', '08 13930000 f177bb00'],
  ['smalldatetime', col('smalldatetime', true), '2003-02-01 11:23:00', '04 1393 ab02'],
  ['time(0)', col('time', false, { scale: 0 }), '11:22:33', '80e2e3595f'],
  ['time(1)', col('time', false, { scale: 1 }), '11:22:33.1', 'c024f3595f'],
  ['time(7)', col('time', false, { scale: 7 }), '11:22:33.1234567', '07b9f6595f'],
  ['time(7) nullable whole seconds', col('time', true, { scale: 7 }), '11:22:33.0000000', '05 80e2e3595f'],
  [
    'datetime2(7)',
    col('datetime2', true, { scale: 7 }),
    '2003-02-01 11:22:33.1234567',
    '08 07b9f6595f 6e280b',
  ],
  [
    'datetimeoffset(7) +04:55 (stored as UTC)',
    col('datetimeoffset', true, { scale: 7 }),
    '2003-02-01 11:22:33.1234567 +04:55',
    '0a 070ff12336 6e280b 2701',
  ],
  [
    'datetimeoffset(0) +01:00',
    col('datetimeoffset', false, { scale: 0 }),
    '1990-04-01 23:59:59 +01:00',
    '80c10cc8c0 1d160b 3c00',
  ],
  ['rowversion', col('rowversion', false), hex('00000000000007d1'), '0800 00000000000007d1'],
  ['image', col('image', true), hex('0123456789'), '05000000 0123456789'],
  ['varchar(4) NOT NULL £', col('varchar', false, { length: 4 }), '£', '0200 a300'],
  [
    'char(4) NOT NULL: no prefix, space-padded',
    col('char', false, { length: 4 }),
    '£   ',
    'a300 2000 2000 2000',
  ],
  ['char(1) NOT NULL', col('char', false, { length: 1 }), '£', 'a300'],
  [
    'nchar(4) NOT NULL keeps its prefix',
    col('nchar', false, { length: 4 }),
    '£   ',
    '0800 a300 2000 2000 2000',
  ],
  ['nvarchar(1) NOT NULL', col('nvarchar', false, { length: 1 }), '£', '0200 a300'],
  ['empty varchar is not NULL', col('varchar', true, { length: 4 }), '', '0000'],
  ['varchar NULL', col('varchar', true, { length: 4 }), null, 'ffff'],
  ['text', col('text', true), '1ABCDEFG1', `12000000 ${utf16('1ABCDEFG1')}`],
  ['ntext NULL', col('ntext', true), null, 'ffffffff'],
  ['varchar(max) NULL', col('varchar', true, { isMax: true }), null, 'ff'.repeat(8)],
  [
    'varchar(max) [A] whole data file',
    col('varchar', true, { isMax: true }),
    'Module 12 Workshop',
    '2400000000000000 4d006f00640075006c0065002000310032002000570' + '06f0072006b00730068006f007000',
  ],
  ['hierarchyid', col('hierarchyid', true), hex('5b5f08'), '0300000000000000 5b5f08'],
  ['hierarchyid root (empty) is not NULL', col('hierarchyid', true), Buffer.alloc(0), Z(8)],
  ['xml NULL', col('xml', true), null, 'ff'.repeat(8)],
  [
    'sql_variant varchar',
    col('sql_variant', true),
    {
      kind: 'sql_variant',
      baseType: 'varchar',
      value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      maxLength: 26,
      collation: hex('0904d00034'),
    },
    `23000000 a7 07 0904d00034 1a00 ${Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ').toString('hex')}`,
  ],
  [
    'sql_variant int',
    col('sql_variant', true),
    { kind: 'sql_variant', baseType: 'int', value: 1 },
    '06000000 38 00 01000000',
  ],
  ['sql_variant NULL is length 0', col('sql_variant', true), null, '00000000'],
];

describe('pinned field bytes from the format spec', () => {
  for (const [name, column, value, bytes] of CASES) {
    test(`${name}: encode`, () => {
      assert.equal(encodeOne(column, value).toString('hex'), hex(bytes).toString('hex'));
    });
    test(`${name}: decode`, () => {
      assert.deepEqual(decodeOne(column, hex(bytes)), value);
    });
  }

  test('the varchar sql_variant of StrangeFields1 row 7 is the real file bytes', async () => {
    const fixture = 'bacpactod-Test.bacpac';
    const columns = readModelColumns(await readFixtureEntry(fixture, 'model.xml')).get('dbo.StrangeFields1');
    const part = (await readFixtureDataParts(fixture)).find((p) => p.table === 'dbo.StrangeFields1');
    assert.ok(columns && part);
    const variantBytes = hex(
      `23000000 a7070904d000341a00${Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ').toString('hex')}`,
    );
    assert.ok(part.data.subarray(part.data.length - variantBytes.length).equals(variantBytes));
    const rows = [...decodeBcpRows(part.data, columns, 'dbo.StrangeFields1')];
    assert.deepEqual(rows[8]?.[4], {
      kind: 'sql_variant',
      baseType: 'varchar',
      value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      maxLength: 26,
      collation: hex('0904d00034'),
    });
  });

  test('dbo.NumberFields2 row 1 is the 160-byte worked row of spec 5.5', async () => {
    const fixture = 'bacpactod-Test.bacpac';
    const columns = readModelColumns(await readFixtureEntry(fixture, 'model.xml')).get('dbo.NumberFields2');
    const part = (await readFixtureDataParts(fixture)).find((p) => p.table === 'dbo.NumberFields2');
    assert.ok(columns && part);
    const d = (p: string, s: string, mag: string): string => `13 ${p} ${s} 01 ${mag.padEnd(32, '0')}`;
    const expected = hex(
      '01000000 7f ff7f ffffff7f ffffffffffffff7f 000000000000e043' +
        ' 0000005f' +
        d('04', '00', 'd204') +
        d('01', '00', '05') +
        d('04', '02', 'd204') +
        ' d562040012b28a3c 15cd5b07' +
        d('04', '00', 'd204') +
        d('01', '00', '05') +
        ' 10 33221100 5544 7766 8899aabbccddeeff',
    );
    assert.equal(expected.length, 160);
    assert.ok(part.data.subarray(0, 160).equals(expected));
    const [row] = decodeBcpRows(part.data, columns, 'dbo.NumberFields2');
    assert.deepEqual(row, [
      1,
      127,
      32767,
      2147483647,
      9223372036854775807n,
      9223372036854775808,
      9223372036854775808,
      '1234',
      '5',
      '12.34',
      '123456789012.1234',
      '12345.6789',
      '1234',
      '5',
      '00112233-4455-6677-8899-AABBCCDDEEFF',
    ]);
  });
});
