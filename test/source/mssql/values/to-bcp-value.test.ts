import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { BcpColumn } from '../../../../src/bacpac/bcp/types';
import { toBcpValue } from '../../../../src/source/mssql/values/to-bcp-value';
import { selectExpression } from '../../../../src/source/mssql/values/select-expression';

const col = (type: BcpColumn['type'], extra: Partial<BcpColumn> = {}): BcpColumn => ({
  name: 'c',
  type,
  nullable: true,
  ...extra,
});
const at = 'dbo.T.c row 1';

describe('decimal, numeric and money arrive as server text and stay exact', () => {
  const dec = col('decimal', { precision: 38, scale: 0 });
  test('decimal(38,0) maximum and minimum', () => {
    assert.equal(
      toBcpValue(dec, '99999999999999999999999999999999999999', at),
      '99999999999999999999999999999999999999',
    );
    assert.equal(
      toBcpValue(dec, '-99999999999999999999999999999999999999', at),
      '-99999999999999999999999999999999999999',
    );
  });
  test('decimal(38,38): the server writes no integer digit; a zero is added', () => {
    const d = col('decimal', { precision: 38, scale: 38 });
    assert.equal(
      toBcpValue(d, '.12345678901234567890123456789012345678', at),
      '0.12345678901234567890123456789012345678',
    );
    assert.equal(
      toBcpValue(d, '-.99999999999999999999999999999999999999', at),
      '-0.99999999999999999999999999999999999999',
    );
  });
  test('trailing zeros of the scale are kept; negative zero is zero', () => {
    assert.equal(toBcpValue(col('numeric', { precision: 9, scale: 4 }), '-123.4500', at), '-123.4500');
    assert.equal(toBcpValue(col('numeric', { precision: 9, scale: 4 }), '-0.0000', at), '0.0000');
  });
  test('money and smallmoney limits (style 2, four decimals)', () => {
    assert.equal(toBcpValue(col('money'), '-922337203685477.5808', at), '-922337203685477.5808');
    assert.equal(toBcpValue(col('money'), '922337203685477.5807', at), '922337203685477.5807');
    assert.equal(toBcpValue(col('smallmoney'), '-214748.3648', at), '-214748.3648');
    assert.equal(toBcpValue(col('smallmoney'), '214748.3647', at), '214748.3647');
  });
  test('a JS number is refused rather than trusted', () => {
    assert.throws(
      () => toBcpValue(dec, 1.5, at),
      /\[SQL_VALUE\] dbo\.T\.c row 1: expected decimal text for decimal, found number 1\.5/,
    );
    assert.throws(() => toBcpValue(dec, '1e5', at), /expected a decimal number, found "1e5"/);
  });
});

describe('integers', () => {
  test('bigint limits travel as text and become bigint', () => {
    assert.equal(toBcpValue(col('bigint'), '9223372036854775807', at), 9223372036854775807n);
    assert.equal(toBcpValue(col('bigint'), '-9223372036854775808', at), -9223372036854775808n);
  });
  test('int, smallint, tinyint and bit', () => {
    assert.equal(toBcpValue(col('int'), -2147483648, at), -2147483648);
    assert.equal(toBcpValue(col('tinyint'), 255, at), 255);
    assert.equal(toBcpValue(col('bit'), true, at), true);
    assert.equal(toBcpValue(col('bit'), false, at), false);
    assert.throws(() => toBcpValue(col('int'), 1.5, at), /expected an integer/);
  });
});

describe('floating point keeps the IEEE value the driver decoded', () => {
  test('float extremes and real', () => {
    assert.equal(toBcpValue(col('float'), 1.7976931348623157e308, at), 1.7976931348623157e308);
    assert.equal(toBcpValue(col('float'), -2.2250738585072014e-308, at), -2.2250738585072014e-308);
    assert.equal(toBcpValue(col('float'), 5e-324, at), 5e-324);
    assert.equal(toBcpValue(col('real'), 3.4028234663852886e38, at), 3.4028234663852886e38);
  });
});

describe('date and time text (styles 23, 120, 121)', () => {
  test('date range ends', () => {
    assert.equal(toBcpValue(col('date'), '0001-01-01', at), '0001-01-01');
    assert.equal(toBcpValue(col('date'), '9999-12-31', at), '9999-12-31');
  });
  test('time(7) and datetime2(7) keep 100 ns', () => {
    assert.equal(toBcpValue(col('time', { scale: 7 }), '23:59:59.9999999', at), '23:59:59.9999999');
    assert.equal(toBcpValue(col('time', { scale: 7 }), '00:00:00.0000001', at), '00:00:00.0000001');
    assert.equal(
      toBcpValue(col('datetime2', { scale: 7 }), '9999-12-31 23:59:59.9999999', at),
      '9999-12-31 23:59:59.9999999',
    );
    assert.equal(
      toBcpValue(col('datetime2', { scale: 7 }), '0001-01-01 00:00:00.0000000', at),
      '0001-01-01 00:00:00.0000000',
    );
  });
  test('scale 0 has no fraction; a short fraction is padded to the scale', () => {
    assert.equal(toBcpValue(col('time', { scale: 0 }), '11:22:33', at), '11:22:33');
    assert.equal(
      toBcpValue(col('datetime2', { scale: 3 }), '2003-02-01 11:22:33.1', at),
      '2003-02-01 11:22:33.100',
    );
    assert.throws(
      () => toBcpValue(col('datetime2', { scale: 2 }), '2003-02-01 11:22:33.123', at),
      /at most 2 fractional digits/,
    );
  });
  test('datetimeoffset keeps local time and offset, both signs and the extremes', () => {
    const dto = col('datetimeoffset', { scale: 7 });
    assert.equal(
      toBcpValue(dto, '2003-02-01 11:22:33.1234567 +04:55', at),
      '2003-02-01 11:22:33.1234567 +04:55',
    );
    assert.equal(
      toBcpValue(dto, '1990-04-01 23:59:59.0000000 -14:00', at),
      '1990-04-01 23:59:59.0000000 -14:00',
    );
    assert.equal(
      toBcpValue(dto, '0001-01-01 00:00:00.0000000 +14:00', at),
      '0001-01-01 00:00:00.0000000 +14:00',
    );
    assert.equal(
      toBcpValue(col('datetimeoffset', { scale: 0 }), '2020-01-01T00:00:00Z', at),
      '2020-01-01 00:00:00 +00:00',
    );
  });
  test('datetime and smalldatetime', () => {
    assert.equal(toBcpValue(col('datetime'), '1753-01-01 00:00:00.000', at), '1753-01-01 00:00:00.000');
    assert.equal(toBcpValue(col('datetime'), '9999-12-31 23:59:59.997', at), '9999-12-31 23:59:59.997');
    assert.equal(toBcpValue(col('smalldatetime'), '2079-06-06 23:59:00', at), '2079-06-06 23:59:00');
  });
  test('a Date object (what the driver gives without conversion) is refused', () => {
    assert.throws(
      () => toBcpValue(col('datetime2', { scale: 7 }), new Date(0), at),
      /\[SQL_VALUE\].*expected a datetime2\(7\)/,
    );
  });
});

describe('strings, binaries and NULL', () => {
  test('empty string is not NULL; NULL is null', () => {
    assert.equal(toBcpValue(col('varchar', { length: 10 }), '', at), '');
    assert.equal(toBcpValue(col('varchar', { length: 10 }), null, at), null);
    assert.equal(toBcpValue(col('nvarchar', { isMax: true }), undefined, at), null);
  });
  test('surrogate pairs pass through unchanged', () => {
    assert.equal(toBcpValue(col('nvarchar', { length: 10 }), 'a😀b', at), 'a😀b');
  });
  test('uniqueidentifier is upper-cased', () => {
    assert.equal(
      toBcpValue(col('uniqueidentifier'), '12345678-abcd-ef12-1234-fedcba987654', at),
      '12345678-ABCD-EF12-1234-FEDCBA987654',
    );
  });
  test('binary families are Buffers; an empty hierarchyid is an empty Buffer', () => {
    assert.deepEqual(toBcpValue(col('hierarchyid'), Buffer.alloc(0), at), Buffer.alloc(0));
    assert.deepEqual(
      toBcpValue(col('rowversion'), Buffer.from('00000000000007d1', 'hex'), at),
      Buffer.from('00000000000007d1', 'hex'),
    );
    assert.throws(() => toBcpValue(col('varbinary', { length: 4 }), 'abc', at), /expected bytes/);
  });
});

describe('selectExpression', () => {
  test('exact types are converted on the server', () => {
    assert.equal(selectExpression(col('decimal', { precision: 38, scale: 38 })), 'CONVERT(varchar(41), [c])');
    assert.equal(selectExpression(col('money')), 'CONVERT(varchar(30), [c], 2)');
    assert.equal(selectExpression(col('bigint')), 'CONVERT(varchar(20), [c])');
    assert.equal(selectExpression(col('datetimeoffset', { scale: 7 })), 'CONVERT(varchar(34), [c], 121)');
    assert.equal(selectExpression(col('date')), 'CONVERT(char(10), [c], 23)');
  });
  test('character data is read as nvarchar of a length that fits', () => {
    assert.equal(selectExpression(col('varchar', { length: 50 })), 'CAST([c] AS nvarchar(50))');
    assert.equal(selectExpression(col('varchar', { length: 8000 })), 'CAST([c] AS nvarchar(max))');
    assert.equal(selectExpression(col('text')), 'CAST([c] AS nvarchar(max))');
    assert.equal(selectExpression({ name: 'a]b', type: 'nvarchar', nullable: false, length: 5 }), '[a]]b]');
  });
  test('CLR types are read as their serialized bytes', () => {
    assert.equal(selectExpression(col('geography')), 'CAST([c] AS varbinary(max))');
    assert.equal(selectExpression(col('hierarchyid')), 'CAST([c] AS varbinary(max))');
  });
});
