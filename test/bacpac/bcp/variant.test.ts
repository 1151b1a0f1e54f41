import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SqlVariantValue } from '../../../src/bacpac/bcp';
import { col, decodeOne, encodeOne, hex } from './codec-helpers';

/**
 * sql_variant values of every base type SQL Server allows, in the TDS SSVARIANT inner layout, and
 * code page 1252 for varchar/char base values.
 */
const variant = col('sql_variant', true);
const LATIN1_CI_AS = hex('0904d00034');
const v = (
  baseType: string,
  value: SqlVariantValue['value'],
  props: Partial<SqlVariantValue> = {},
): SqlVariantValue => ({
  kind: 'sql_variant',
  baseType,
  value,
  ...props,
});

/** [value, bytes after the 4-byte length prefix]; the bytes follow the TDS type codes and widths. */
const CASES: readonly [SqlVariantValue, string][] = [
  [v('tinyint', 200), '30 00 c8'],
  [v('smallint', -2), '34 00 feff'],
  [v('int', 1), '38 00 01000000'],
  [v('bigint', -1n), '7f 00 ffffffffffffffff'],
  [v('bit', true), '32 00 01'],
  [v('real', 1.5), '3b 00 0000c03f'],
  [v('float', 1), '3e 00 000000000000f03f'],
  [v('money', '-1.0000'), '3c 00 ffffffff f0d8ffff'],
  [v('smallmoney', '1.0000'), '7a 00 10270000'],
  [v('decimal', '123.45', { precision: 5, scale: 2 }), '6a 02 05 02 01 39300000'],
  [v('numeric', '-1', { precision: 20, scale: 0 }), '6c 02 14 00 00 01000000 00000000 00000000'],
  [v('decimal', '0.5', { precision: 38, scale: 1 }), `6a 02 26 01 01 05${'00'.repeat(15)}`],
  [v('date', '2003-02-01'), '28 00 6e280b'],
  [v('datetime', '2003-02-01 11:22:33.123'), '3d 00 13930000 f177bb00'],
  [v('smalldatetime', '2003-02-01 11:23:00'), '3a 00 1393 ab02'],
  // time(0) counts whole seconds in 3 bytes: 11:22:33 is 40953 s.
  [v('time', '11:22:33', { scale: 0 }), '29 01 00 f99f00'],
  [v('time', '11:22:33.1234567', { scale: 7 }), '29 01 07 07b9f6595f'],
  // datetime2(2) counts hundredths of a second in 3 bytes: 11:22:33.12 is 4,095,312.
  [v('datetime2', '2003-02-01 11:22:33.12', { scale: 2 }), '2a 01 02 507d3e 6e280b'],
  [
    v('datetimeoffset', '2003-02-01 11:22:33.1234567 +04:55', { scale: 7 }),
    '2b 01 07 070ff12336 6e280b 2701',
  ],
  [v('uniqueidentifier', '12345678-ABCD-EF12-1234-FEDCBA987654'), '24 00 78563412cdab12ef1234fedcba987654'],
  [v('varchar', 'ABC', { maxLength: 10, collation: LATIN1_CI_AS }), 'a7 07 0904d00034 0a00 414243'],
  [v('char', '€ ', { maxLength: 2, collation: LATIN1_CI_AS }), 'af 07 0904d00034 0200 8020'],
  [v('nvarchar', 'Ab', { maxLength: 4, collation: LATIN1_CI_AS }), 'e7 07 0904d00034 0400 41006200'],
  [v('nchar', '€', { maxLength: 2, collation: LATIN1_CI_AS }), 'ef 07 0904d00034 0200 ac20'],
  [v('varbinary', hex('0102'), { maxLength: 8 }), 'a5 02 0800 0102'],
  [v('binary', hex('0102'), { maxLength: 2 }), 'ad 02 0200 0102'],
];

describe('sql_variant base types', () => {
  for (const [value, inner] of CASES) {
    const body = hex(inner);
    const bytes = Buffer.concat([Buffer.alloc(4), body]);
    bytes.writeUInt32LE(body.length, 0);
    test(`${value.baseType} ${String(value.value)}`, () => {
      assert.equal(encodeOne(variant, value).toString('hex'), bytes.toString('hex'));
      assert.deepEqual(decodeOne(variant, bytes), value);
    });
  }

  test('encoding fills in the default collation and the value length as maxLength', () => {
    assert.equal(
      encodeOne(variant, v('varchar', 'AB')).toString('hex'),
      hex('0b000000 a7 07 0904d00034 0200 4142').toString('hex'),
    );
  });

  test('a character that code page 1252 cannot hold is an error', () => {
    assert.throws(
      () => encodeOne(variant, v('varchar', 'Ж')),
      /^BacpacError: \[BCP_CODE_PAGE\] dbo\.T row 1 column C: character U\+0416/,
    );
  });

  test('a Windows collation of another single-byte code page stores its bytes (Cyrillic_General: 1251)', () => {
    const cyrillic = hex('1904000000'); // LCID 0x0419, sort id 0
    // Ж у к in Windows-1251 are C6 F3 EA.
    const bytes = hex('0c000000 a7 07 1904000000 0300 c6f3ea');
    assert.equal(
      encodeOne(variant, v('varchar', 'Жук', { collation: cyrillic })).toString('hex'),
      bytes.toString('hex'),
    );
    assert.deepEqual(decodeOne(variant, bytes), v('varchar', 'Жук', { collation: cyrillic, maxLength: 3 }));
    assert.throws(
      () => encodeOne(variant, v('varchar', 'Ωμέγα', { collation: cyrillic })),
      /\[BCP_CODE_PAGE\] .*character U\+03A9 at position 1 has no code page 1251 byte/,
    );
  });

  test('a _UTF8 collation stores UTF-8', () => {
    const utf8 = hex('0904000400'); // LCID 0x0409 with the UTF-8 flag (bit 26), sort id 0
    const bytes = hex('0c000000 a7 07 0904000400 0300 63c3a9');
    assert.equal(
      encodeOne(variant, v('varchar', 'cé', { collation: utf8 })).toString('hex'),
      bytes.toString('hex'),
    );
    assert.deepEqual(decodeOne(variant, bytes), v('varchar', 'cé', { collation: utf8, maxLength: 3 }));
  });

  test('double-byte code pages and unknown SQL sort orders are refused clearly', () => {
    const japanese = hex('1104000000'); // LCID 0x0411, code page 932
    assert.throws(
      () => encodeOne(variant, v('varchar', 'A', { collation: japanese })),
      /\[BCP_UNSUPPORTED_CODE_PAGE\].*LCID 0x0411 sort id 0/,
    );
    assert.throws(
      () => decodeOne(variant, hex('0a000000 a7 07 0904d00099 0100 41')),
      /\[BCP_UNSUPPORTED_CODE_PAGE\].*sort id 153/,
    );
  });

  test('wrong shapes are errors', () => {
    assert.throws(() => encodeOne(variant, 5), /\[BCP_TYPE\]/);
    assert.throws(() => encodeOne(variant, v('xml', 'x')), /\[BCP_VARIANT\]/);
  });
});

describe('code page 1252', () => {
  // The 0x80-0x9F row of Windows-1252, where it differs from ISO-8859-1 (unassigned bytes map to C1 controls).
  const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  test('all 256 bytes decode to Windows-1252 and encode back', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const expected = all.toString('latin1').slice(0, 0x80) + HIGH + all.toString('latin1').slice(0xa0);
    const bytes = Buffer.concat([Buffer.alloc(4), hex('a7 07 0904d00034 0001'), all]);
    bytes.writeUInt32LE(bytes.length - 4, 0);
    const decoded = decodeOne(variant, bytes) as SqlVariantValue;
    assert.equal(decoded.value, expected);
    assert.notEqual(decoded.value, all.toString('latin1'));
    assert.ok(encodeOne(variant, decoded).equals(bytes));
  });
});
