import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { ByteWriter, encodeRow } from '../../../src/bacpac/bcp';
import type { BcpColumn, BcpValue } from '../../../src/bacpac/bcp';
import { col, decodeOne, encodeOne, hex } from './codec-helpers';

/** Range ends of every exact and temporal type, and the errors for values that do not fit. */
function le(value: bigint, bytes: number): string {
  const out = Buffer.alloc(bytes);
  let v = BigInt.asUintN(bytes * 8, value);
  for (let i = 0; i < bytes; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out.toString('hex');
}

function roundTrip(column: BcpColumn, value: BcpValue, bytes: string): void {
  assert.equal(encodeOne(column, value).toString('hex'), hex(bytes).toString('hex'));
  assert.deepEqual(decodeOne(column, hex(bytes)), value);
}

/** Days between 1900-01-01 and a date, computed with the JS Date API as an independent oracle. */
const days1900 = (y: number, m: number, d: number): number =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1900, 0, 1)) / 86_400_000;
const dayNo = (y: number, m: number, d: number): number => days1900(y, m, d) + 693595;

describe('exact numeric boundaries', () => {
  const max38 = 10n ** 38n - 1n;
  test('decimal(38,0) max and min', () => {
    const c = col('decimal', false, { precision: 38, scale: 0 });
    roundTrip(c, max38.toString(), `13 26 00 01 ${le(max38, 16)}`);
    roundTrip(c, `-${max38}`, `13 26 00 00 ${le(max38, 16)}`);
  });
  test('decimal(38,38) max and min', () => {
    const c = col('decimal', true, { precision: 38, scale: 38 });
    roundTrip(c, `0.${'9'.repeat(38)}`, `13 26 26 01 ${le(max38, 16)}`);
    roundTrip(c, `-0.${'9'.repeat(38)}`, `13 26 26 00 ${le(max38, 16)}`);
  });
  test('decimal zero is written with the positive sign, and fewer fraction digits are padded', () => {
    const c = col('decimal', false, { precision: 4, scale: 2 });
    assert.equal(encodeOne(c, '-0').toString('hex'), hex(`13 04 02 01 ${'00'.repeat(16)}`).toString('hex'));
    assert.equal(decodeOne(c, encodeOne(c, '1.5')), '1.50');
    assert.equal(decodeOne(c, encodeOne(c, '1.230')), '1.23', 'extra zero fraction digits are exact');
  });
  test('money and smallmoney min and max', () => {
    roundTrip(col('money', false), '922337203685477.5807', 'ffffff7f ffffffff');
    roundTrip(col('money', false), '-922337203685477.5808', '00000080 00000000');
    roundTrip(col('money', false), '-1.0000', 'ffffffff f0d8ffff');
    roundTrip(col('smallmoney', false), '214748.3647', 'ffffff7f');
    roundTrip(col('smallmoney', false), '-214748.3648', '00000080');
  });
  test('bigint min and max', () => {
    roundTrip(col('bigint', false), -(2n ** 63n), le(-(2n ** 63n), 8));
    roundTrip(col('bigint', false), 2n ** 63n - 1n, le(2n ** 63n - 1n, 8));
  });
  test('bigint around the word boundaries and the safe-integer edges', () => {
    for (const n of [
      0n,
      -1n,
      2n ** 31n - 1n,
      -(2n ** 31n),
      -(2n ** 31n) - 1n,
      2n ** 32n,
      -(2n ** 32n),
      -(2n ** 32n) + 1n,
      2n ** 53n - 1n,
      -(2n ** 53n) + 1n,
      2n ** 53n,
      -(2n ** 53n),
    ]) {
      roundTrip(col('bigint', false), n, le(n, 8));
    }
  });
});

describe('date and time boundaries', () => {
  test('date 0001-01-01 and 9999-12-31', () => {
    roundTrip(col('date', false), '0001-01-01', '000000');
    roundTrip(col('date', false), '9999-12-31', le(BigInt(dayNo(9999, 12, 31)), 3));
  });
  test('time(7) and datetime2(7) at 100 ns resolution', () => {
    const t = col('time', false, { scale: 7 });
    roundTrip(t, '00:00:00.0000001', '0100000000');
    roundTrip(t, '23:59:59.9999999', le(863_999_999_999n, 5));
    const d = col('datetime2', false, { scale: 7 });
    roundTrip(d, '0001-01-01 00:00:00.0000001', '0100000000 000000');
    roundTrip(
      d,
      '9999-12-31 23:59:59.9999999',
      `${le(863_999_999_999n, 5)} ${le(BigInt(dayNo(9999, 12, 31)), 3)}`,
    );
    assert.equal(decodeOne(d, encodeOne(d, '2003-02-01 01:02:03.5')), '2003-02-01 01:02:03.5000000');
  });
  test('datetimeoffset with negative and positive offsets whose local date differs from the UTC date', () => {
    const c = col('datetimeoffset', false, { scale: 7 });
    // 23:30 at -05:00 is 04:30 UTC on the next day.
    const utc0430 = BigInt(4.5 * 3600) * 10_000_000n;
    roundTrip(
      c,
      '2003-02-01 23:30:00.0000000 -05:00',
      `${le(utc0430, 5)} ${le(BigInt(dayNo(2003, 2, 2)), 3)} ${le(-300n, 2)}`,
    );
    // 01:00 at +14:00 is 11:00 UTC on the previous day.
    const utc1100 = 11n * 3600n * 10_000_000n;
    roundTrip(
      c,
      '2003-02-01 01:00:00.0000000 +14:00',
      `${le(utc1100, 5)} ${le(BigInt(dayNo(2003, 1, 31)), 3)} ${le(840n, 2)}`,
    );
  });
  test('datetime before 1900 and at its ends', () => {
    const c = col('datetime', false);
    assert.equal(days1900(1753, 1, 1), -53690);
    roundTrip(c, '1753-01-01 00:00:00.000', `${le(-53690n, 4)} 00000000`);
    roundTrip(c, '9999-12-31 23:59:59.997', `${le(BigInt(days1900(9999, 12, 31)), 4)} ${le(25_919_999n, 4)}`);
  });
  test('datetime text maps to 1/300 s ticks as SQL Server rounds them', () => {
    const c = col('datetime', false);
    const ticks = (text: string): number => encodeOne(c, `2003-02-01 00:00:${text}`).readUInt32LE(4);
    assert.deepEqual(['00.000', '00.003', '00.007', '00.010'].map(ticks), [0, 1, 2, 3]);
    assert.deepEqual(
      ['00.001', '00.002', '00.004', '00.005', '00.008', '00.009'].map(ticks),
      [0, 1, 1, 2, 2, 3],
    );
    for (let tick = 0; tick < 600; tick++) {
      const bytes = Buffer.alloc(8);
      bytes.writeUInt32LE(tick, 4);
      assert.ok(encodeOne(c, decodeOne(c, bytes)).equals(bytes), `tick ${tick}`);
    }
    assert.equal(decodeOne(c, encodeOne(c, '2003-02-01 23:59:59.999')), '2003-02-02 00:00:00.000');
  });
});

describe('strings and binaries', () => {
  test('empty string vs NULL', () => {
    const c = col('nvarchar', true, { isMax: true });
    roundTrip(c, '', '0000000000000000');
    roundTrip(c, null, 'ffffffffffffffff');
  });
  test('char(n) and binary(n) are padded to full length', () => {
    assert.equal(
      decodeOne(col('char', true, { length: 3 }), encodeOne(col('char', true, { length: 3 }), 'a')),
      'a  ',
    );
    roundTrip(col('binary', true, { length: 4 }), hex('12000000'), '0400 12000000');
    assert.equal(encodeOne(col('binary', true, { length: 4 }), hex('12')).toString('hex'), '040012000000');
  });
  test('a varbinary(max) value over 1 MB', () => {
    const c = col('varbinary', true, { isMax: true });
    const value = randomBytes(1_500_000);
    const bytes = encodeOne(c, value);
    assert.equal(bytes.length, 8 + value.length);
    assert.equal(bytes.readUInt32LE(0), value.length);
    assert.equal(bytes.readUInt32LE(4), 0);
    assert.deepEqual(decodeOne(c, bytes), value);
  });
  test('nvarchar with surrogate pairs counts UTF-16 code units; lone surrogates survive', () => {
    const c = col('nvarchar', false, { length: 3 });
    roundTrip(c, '😀a', `0600 3dd800de 6100`);
    roundTrip(c, '\ud800x', `0400 00d8 7800`);
    assert.throws(
      () => encodeOne(col('nvarchar', false, { length: 2 }), '😀a'),
      /^BacpacError: \[BCP_TOO_LONG\]/,
    );
  });
});

describe('accepted input forms', () => {
  test('GUID text in lower case or braces gives the same bytes; decoding gives upper case', () => {
    const c = col('uniqueidentifier', false);
    const upper = encodeOne(c, '12345678-ABCD-EF12-1234-FEDCBA987654');
    assert.ok(encodeOne(c, '12345678-abcd-ef12-1234-fedcba987654').equals(upper));
    assert.ok(encodeOne(c, '{12345678-abcd-ef12-1234-fedcba987654}').equals(upper));
    assert.equal(decodeOne(c, upper), '12345678-ABCD-EF12-1234-FEDCBA987654');
  });
  test('sysname is nvarchar(128) with a 2-byte prefix', () => {
    const c = col('sysname', false);
    roundTrip(c, 'dbo', '0600 640062006f00');
    assert.throws(() => encodeOne(c, 'x'.repeat(129)), /\[BCP_TOO_LONG\]/);
  });
  test('integers and bits also accept bigint and 0/1 inputs', () => {
    assert.equal(encodeOne(col('int', false), 7n).toString('hex'), '07000000');
    assert.equal(encodeOne(col('bigint', false), 7).toString('hex'), '0700000000000000');
    assert.equal(encodeOne(col('bit', true), 1).toString('hex'), '0101');
    assert.equal(encodeOne(col('money', false), 5n).toString('hex'), '0000000050c30000');
  });
});

describe('common text forms read character by character, the rest by the general parser', () => {
  test('decimal(18,4): signs, bare points, zero and the 15/16 significant digit edge', () => {
    const c = col('decimal', false, { precision: 18, scale: 4 });
    const bytes = (negative: boolean, magnitude: bigint): string =>
      `13 12 04 ${negative ? '00' : '01'} ${le(magnitude, 16)}`;
    roundTrip(c, '-123.4500', bytes(true, 1_234_500n));
    assert.equal(encodeOne(c, '+.5').toString('hex'), hex(bytes(false, 5_000n)).toString('hex'));
    assert.equal(encodeOne(c, '7.').toString('hex'), hex(bytes(false, 70_000n)).toString('hex'));
    assert.equal(encodeOne(c, '-0.0000').toString('hex'), hex(bytes(false, 0n)).toString('hex'));
    assert.equal(encodeOne(c, '000012.5').toString('hex'), hex(bytes(false, 125_000n)).toString('hex'));
    roundTrip(c, '99999999999.9999', bytes(false, 999_999_999_999_999n)); // 15 digits
    roundTrip(c, '99999999999999.9999', bytes(false, 999_999_999_999_999_999n)); // 18 digits
    roundTrip(c, '-9007199254740.9930', bytes(true, 90_071_992_547_409_930n)); // above 2^53
    assert.equal(decodeOne(c, encodeOne(c, '1.23400')), '1.2340', 'surplus zero fraction digits');
    assert.throws(() => encodeOne(c, '1.23401'), /\[BCP_DECIMAL_SCALE\]/);
    assert.throws(() => encodeOne(c, '123456789012345'), /\[BCP_DECIMAL_OVERFLOW\]/);
    for (const bad of ['', '-', '.', '1.2.3', '1,5', ' 1', '0x10']) {
      assert.throws(() => encodeOne(c, bad), /\[BCP_BAD_DECIMAL\]/, JSON.stringify(bad));
    }
  });

  test('datetime2: the canonical form, fewer fraction digits, and forms left to the general parser', () => {
    const units = (h: number, m: number, s: number, fraction: number): bigint =>
      BigInt(((h * 60 + m) * 60 + s) * 10_000_000 + fraction);
    const d7 = col('datetime2', false, { scale: 7 });
    roundTrip(
      d7,
      '2024-02-29 12:34:56.1234567',
      `${le(units(12, 34, 56, 1_234_567), 5)} ${le(BigInt(dayNo(2024, 2, 29)), 3)}`,
    );
    const d3 = col('datetime2', false, { scale: 3 });
    const expected = `${le(units(23, 59, 59, 1_200_000), 5)} ${le(BigInt(dayNo(1999, 12, 31)), 3)}`;
    assert.equal(encodeOne(d3, '1999-12-31 23:59:59.12').toString('hex'), hex(expected).toString('hex'));
    assert.equal(encodeOne(d3, '1999-12-31T23:59:59.12').toString('hex'), hex(expected).toString('hex'));
    assert.equal(
      encodeOne(d3, '1999-12-31 23:59:59.1200000').toString('hex'),
      hex(expected).toString('hex'),
      'surplus zero fraction digits',
    );
    const midnight = `${le(0n, 5)} ${le(BigInt(dayNo(1999, 12, 31)), 3)}`;
    assert.equal(encodeOne(d3, '1999-12-31').toString('hex'), hex(midnight).toString('hex'));
    for (const bad of [
      '2023-02-29 00:00:00',
      '2024-01-01 24:00:00',
      '2024-01-01 23:60:00',
      '2024-01-01 00:00:00.',
      '2024-01-01 00:00:0x',
      '2024/01/01 00:00:00',
      '0000-01-01 00:00:00',
    ]) {
      assert.throws(() => encodeOne(d7, bad), /\[BCP_BAD_TEMPORAL\]/, bad);
    }
    assert.throws(() => encodeOne(d3, '2024-01-01 00:00:00.1234'), /\[BCP_TEMPORAL_PRECISION\]/);
  });

  test('GUID text: any misplaced dash, brace or non-hex digit is refused', () => {
    const c = col('uniqueidentifier', false);
    for (const bad of [
      '12345678-abcd-ef12-1234-fedcba98765g',
      '12345678-abcd-ef12-1234_fedcba987654',
      '123456789abcd-ef12-1234-fedcba987654',
      '{12345678-abcd-ef12-1234-fedcba987654',
      '(12345678-abcd-ef12-1234-fedcba987654)',
      '12345678-abcd-ef12-1234-fedcba9876543',
    ]) {
      assert.throws(() => encodeOne(c, bad), /\[BCP_BAD_GUID\]/, bad);
    }
  });
});

describe('values that do not fit name table, column and row', () => {
  const cases: readonly [string, BcpColumn, BcpValue, string][] = [
    ['int overflow', col('int', true), 2147483648, 'BCP_INT_RANGE'],
    ['tinyint negative', col('tinyint', true), -1, 'BCP_INT_RANGE'],
    ['smallint overflow', col('smallint', true), 32768, 'BCP_INT_RANGE'],
    ['bigint overflow', col('bigint', true), 2n ** 63n, 'BCP_INT_RANGE'],
    ['string into int', col('int', true), '1', 'BCP_TYPE'],
    ['fraction into int', col('int', true), 1.5, 'BCP_TYPE'],
    ['NULL into NOT NULL', col('int', false), null, 'BCP_NULL'],
    [
      'decimal(38,0) 39 digits',
      col('decimal', true, { precision: 38, scale: 0 }),
      '1' + '0'.repeat(38),
      'BCP_DECIMAL_OVERFLOW',
    ],
    ['decimal(4,2) 100', col('decimal', true, { precision: 4, scale: 2 }), '100', 'BCP_DECIMAL_OVERFLOW'],
    [
      'decimal(4,2) too many fraction digits',
      col('decimal', true, { precision: 4, scale: 2 }),
      '1.234',
      'BCP_DECIMAL_SCALE',
    ],
    ['decimal from an inexact number', col('decimal', true, { precision: 4, scale: 2 }), 1.5, 'BCP_TYPE'],
    ['decimal bad text', col('decimal', true, { precision: 4, scale: 2 }), '1e3', 'BCP_BAD_DECIMAL'],
    ['money above max', col('money', true), '922337203685477.5808', 'BCP_MONEY_RANGE'],
    ['money below min', col('money', true), '-922337203685477.5809', 'BCP_MONEY_RANGE'],
    ['money 5 fraction digits', col('money', true), '1.00001', 'BCP_DECIMAL_SCALE'],
    ['smallmoney above max', col('smallmoney', true), '214748.3648', 'BCP_MONEY_RANGE'],
    ['smallmoney below min', col('smallmoney', true), '-214748.3649', 'BCP_MONEY_RANGE'],
    ['real overflow', col('real', true), 1e39, 'BCP_FLOAT_RANGE'],
    ['float NaN', col('float', true), Number.NaN, 'BCP_FLOAT_RANGE'],
    ['varchar(3) too long', col('varchar', true, { length: 3 }), 'abcd', 'BCP_TOO_LONG'],
    ['char(3) too long', col('char', false, { length: 3 }), 'abcd', 'BCP_TOO_LONG'],
    ['nvarchar(2) too long', col('nvarchar', true, { length: 2 }), 'abc', 'BCP_TOO_LONG'],
    ['binary(2) too long', col('binary', true, { length: 2 }), hex('010203'), 'BCP_TOO_LONG'],
    ['varbinary(2) too long', col('varbinary', true, { length: 2 }), hex('010203'), 'BCP_TOO_LONG'],
    ['number into varchar', col('varchar', true, { length: 3 }), 1, 'BCP_TYPE'],
    ['string into varbinary', col('varbinary', true, { length: 3 }), 'ab', 'BCP_TYPE'],
    ['no such date', col('date', true), '2003-02-30', 'BCP_BAD_TEMPORAL'],
    ['hour 25', col('time', true, { scale: 0 }), '25:00:00', 'BCP_BAD_TEMPORAL'],
    [
      'datetime2(2) with 3 fraction digits',
      col('datetime2', true, { scale: 2 }),
      '2003-02-01 00:00:00.123',
      'BCP_TEMPORAL_PRECISION',
    ],
    ['datetime before 1753', col('datetime', true), '1752-12-31 00:00:00', 'BCP_TEMPORAL_RANGE'],
    [
      'smalldatetime with seconds',
      col('smalldatetime', true),
      '2003-02-01 11:22:33',
      'BCP_TEMPORAL_PRECISION',
    ],
    [
      'smalldatetime after 2079-06-06',
      col('smalldatetime', true),
      '2079-06-07 00:00:00',
      'BCP_TEMPORAL_RANGE',
    ],
    [
      'datetimeoffset offset +15:00',
      col('datetimeoffset', true, { scale: 0 }),
      '2003-02-01 00:00:00 +15:00',
      'BCP_BAD_TEMPORAL',
    ],
    ['bad GUID', col('uniqueidentifier', true), '1234', 'BCP_BAD_GUID'],
    ['bit from a string', col('bit', true), 'true', 'BCP_TYPE'],
  ];
  for (const [name, column, value, code] of cases) {
    test(name, () => {
      const out = new ByteWriter(16);
      out.u8(0xaa);
      assert.throws(
        () =>
          encodeRow([col('int', false), { ...column, name: 'Price' }], [5, value], out, {
            table: 'dbo.Orders',
            row: 1834,
          }),
        (error: Error) => {
          assert.equal(error.name, 'BacpacError');
          assert.match(error.message, new RegExp(`^\\[${code}\\] dbo\\.Orders row 1834 column Price: .+`));
          return true;
        },
      );
      assert.equal(out.pos, 1, 'nothing of the failed row stays in the output');
    });
  }
});
