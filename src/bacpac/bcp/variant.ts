import type { ByteWriter } from './byte-writer';
import { DEFAULT_VARIANT_COLLATION, collationCodePage, decodeCp1252, encodeCp1252 } from './code-page';
import { readDays, writeDays } from './datetime2';
import { datetimeCodec, smalldatetimeCodec } from './legacy-datetime';
import { parseExact, readMagnitude, writeMagnitude } from './decimal';
import { floatCodec, realCodec } from './floating';
import { bigintCodec, bitCodec, smallIntegerCodec } from './integer';
import { moneyCodec, smallmoneyCodec } from './money';
import { guidCodec } from './guid';
import { formatScaled } from './scaled-decimal';
import { dateCodec } from './datetime2';
import { formatDayNumber } from './calendar';
import {
  UNITS_PER_DAY,
  formatOffset,
  formatTime,
  parseDateTime,
  parseTime,
  temporalText,
} from './temporal-text';
import type { BcpValue, SqlVariantValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * sql_variant: `[base type byte][property byte count][properties][value]`, the inner layout of TDS
 * SSVARIANT (format spec 5.4), inside the field's 4-byte length prefix. Character base types carry
 * a 5-byte collation and a 2-byte maximum length; varchar/char values are in the collation's code
 * page, nvarchar/nchar in UTF-16LE. decimal/numeric carry precision and scale, then a sign byte and
 * a 4, 8, 12 or 16-byte magnitude chosen by precision. time, datetime2 and datetimeoffset carry
 * their scale, and (as in TDS) count time in units of 10^-scale s with 3, 4 or 5 bytes.
 */
const FIXED: Readonly<Record<string, readonly [number, ValueCodec]>> = {
  tinyint: [0x30, smallIntegerCodec('tinyint')],
  bit: [0x32, bitCodec],
  smallint: [0x34, smallIntegerCodec('smallint')],
  int: [0x38, smallIntegerCodec('int')],
  bigint: [0x7f, bigintCodec],
  smalldatetime: [0x3a, smalldatetimeCodec],
  real: [0x3b, realCodec],
  money: [0x3c, moneyCodec],
  datetime: [0x3d, datetimeCodec],
  float: [0x3e, floatCodec],
  smallmoney: [0x7a, smallmoneyCodec],
  uniqueidentifier: [0x24, guidCodec],
  date: [0x28, dateCodec],
};
const SCALED_TIME: Readonly<Record<string, number>> = { time: 0x29, datetime2: 0x2a, datetimeoffset: 0x2b };
const EXACT: Readonly<Record<string, number>> = { decimal: 0x6a, numeric: 0x6c };
const CHARACTER: Readonly<Record<string, number>> = {
  varchar: 0xa7,
  char: 0xaf,
  nvarchar: 0xe7,
  nchar: 0xef,
};
const BINARY: Readonly<Record<string, number>> = { varbinary: 0xa5, binary: 0xad };

const BASE_TYPE_NAMES = new Map<number, string>([
  ...Object.entries(FIXED).map(([name, [code]]): [number, string] => [code, name]),
  ...[SCALED_TIME, EXACT, CHARACTER, BINARY].flatMap((table) =>
    Object.entries(table).map(([name, code]): [number, string] => [code, name]),
  ),
]);

function timeBytes(scale: number): number {
  return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
}

function magnitudeBytes(precision: number): number {
  return precision <= 9 ? 4 : precision <= 19 ? 8 : precision <= 28 ? 12 : 16;
}

function checkScale(v: SqlVariantValue, max: number, fallback: number): number {
  const scale = v.scale ?? fallback;
  if (!Number.isInteger(scale) || scale < 0 || scale > max) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `sql_variant ${v.baseType} needs a scale from 0 to ${max}, found ${scale}`,
    );
  }
  return scale;
}

function writeLE(out: ByteWriter, value: number, bytes: number): void {
  out.ensure(bytes);
  let rest = value;
  for (let i = 0; i < bytes; i++) {
    const byte = rest % 256;
    out.buf[out.pos + i] = byte;
    rest = (rest - byte) / 256;
  }
  out.pos += bytes;
}

function readLE(buf: Buffer, offset: number, bytes: number): number {
  let n = 0;
  for (let i = bytes - 1; i >= 0; i--) n = n * 256 + (buf[offset + i] as number);
  return n;
}

function encodeScaledTime(out: ByteWriter, v: SqlVariantValue, code: number): void {
  const scale = checkScale(v, 7, 7);
  const label = `${v.baseType}(${scale})`;
  const text = temporalText(label, v.value);
  const step = 10 ** (7 - scale);
  out.u8(code);
  out.u8(1);
  out.u8(scale);
  if (v.baseType === 'time') {
    writeLE(out, parseTime(label, text, scale) / step, timeBytes(scale));
    return;
  }
  const parts = parseDateTime(label, text, scale, v.baseType === 'datetimeoffset');
  let units = parts.units - parts.offsetMinutes * 600_000_000;
  let days = parts.days;
  if (units < 0) [units, days] = [units + UNITS_PER_DAY, days - 1];
  if (units >= UNITS_PER_DAY) [units, days] = [units - UNITS_PER_DAY, days + 1];
  writeLE(out, units / step, timeBytes(scale));
  out.ensure(3);
  writeDays(out.buf, out.pos, days);
  out.pos += 3;
  if (v.baseType === 'datetimeoffset') writeLE(out, parts.offsetMinutes & 0xffff, 2);
}

function maxLength(v: SqlVariantValue, actual: number): number {
  const max = v.maxLength ?? actual;
  if (!Number.isInteger(max) || max < actual || max > 8000) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `sql_variant ${v.baseType} value of ${actual} bytes does not fit its maxLength ${String(v.maxLength)}`,
    );
  }
  return max;
}

function isVariant(value: BcpValue): value is SqlVariantValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    value.kind === 'sql_variant'
  );
}

function encodeVariant(out: ByteWriter, value: BcpValue): void {
  if (!isVariant(value)) {
    throw new BcpValueError(
      'BCP_TYPE',
      `expected a SqlVariantValue for sql_variant, found ${describeValue(value)}`,
    );
  }
  const v = value;
  const fixed = FIXED[v.baseType];
  if (fixed) {
    out.u8(fixed[0]);
    out.u8(0);
    fixed[1].encode(out, v.value);
    return;
  }
  const timeCode = SCALED_TIME[v.baseType];
  if (timeCode !== undefined) return encodeScaledTime(out, v, timeCode);
  const exactCode = EXACT[v.baseType];
  if (exactCode !== undefined) {
    const precision = v.precision ?? 18;
    if (!Number.isInteger(precision) || precision < 1 || precision > 38) {
      throw new BcpValueError(
        'BCP_VARIANT',
        `sql_variant ${v.baseType} needs a precision from 1 to 38, found ${precision}`,
      );
    }
    const scale = checkScale(v, precision, 0);
    const parsed = parseExact(v.value, precision, scale, `${v.baseType}(${precision},${scale})`);
    const width = magnitudeBytes(precision);
    out.ensure(5 + width);
    const buf = out.buf;
    buf[out.pos] = exactCode;
    buf[out.pos + 1] = 2;
    buf[out.pos + 2] = precision;
    buf[out.pos + 3] = scale;
    buf[out.pos + 4] = parsed.negative ? 0 : 1;
    writeMagnitude(buf, out.pos + 5, parsed.digits, width);
    out.pos += 5 + width;
    return;
  }
  const charCode = CHARACTER[v.baseType];
  if (charCode !== undefined) {
    if (typeof v.value !== 'string') {
      throw new BcpValueError(
        'BCP_TYPE',
        `expected a string for sql_variant ${v.baseType}, found ${describeValue(v.value)}`,
      );
    }
    const collation = v.collation ?? DEFAULT_VARIANT_COLLATION;
    const unicode = v.baseType.startsWith('n');
    const data = unicode
      ? Buffer.from(v.value, 'utf16le')
      : (collationCodePage(collation), encodeCp1252(v.value));
    out.u8(charCode);
    out.u8(7);
    out.bytes(collation);
    writeLE(out, maxLength(v, data.length), 2);
    out.bytes(data);
    return;
  }
  const binaryCode = BINARY[v.baseType];
  if (binaryCode !== undefined) {
    if (!(v.value instanceof Uint8Array)) {
      throw new BcpValueError(
        'BCP_TYPE',
        `expected a Buffer for sql_variant ${v.baseType}, found ${describeValue(v.value)}`,
      );
    }
    out.u8(binaryCode);
    out.u8(2);
    writeLE(out, maxLength(v, v.value.length), 2);
    out.bytes(v.value);
    return;
  }
  throw new BcpValueError('BCP_VARIANT', `sql_variant cannot hold base type ${v.baseType}`);
}

function decodeVariant(buf: Buffer, offset: number, length: number): BcpValue {
  const code = buf[offset] as number;
  const propBytes = buf[offset + 1] as number;
  const baseType = BASE_TYPE_NAMES.get(code);
  const at = offset + 2 + propBytes;
  const valueLength = length - 2 - propBytes;
  if (baseType === undefined || valueLength < 0) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `unknown sql_variant base type 0x${code.toString(16).padStart(2, '0')}`,
    );
  }
  const fixed = FIXED[baseType];
  if (fixed)
    return {
      kind: 'sql_variant',
      baseType,
      value: fixed[1].decode(buf, at, valueLength) as SqlVariantValue['value'],
    };
  if (SCALED_TIME[baseType] !== undefined) {
    const scale = buf[offset + 2] as number;
    const step = 10 ** (7 - scale);
    const width = timeBytes(scale);
    const units = readLE(buf, at, width) * step;
    let text: string;
    if (baseType === 'time') text = formatTime(units, scale);
    else {
      let days = readDays(buf, at + width);
      let local = units;
      let offsetMinutes = 0;
      if (baseType === 'datetimeoffset') {
        offsetMinutes = buf.readInt16LE(at + width + 3);
        local += offsetMinutes * 600_000_000;
        if (local < 0) [local, days] = [local + UNITS_PER_DAY, days - 1];
        if (local >= UNITS_PER_DAY) [local, days] = [local - UNITS_PER_DAY, days + 1];
      }
      text = `${formatDayNumber(days)} ${formatTime(local, scale)}`;
      if (baseType === 'datetimeoffset') text += ` ${formatOffset(offsetMinutes)}`;
    }
    return { kind: 'sql_variant', baseType, value: text, scale };
  }
  if (EXACT[baseType] !== undefined) {
    const precision = buf[offset + 2] as number;
    const scale = buf[offset + 3] as number;
    const negative = buf[at] === 0;
    const digits = readMagnitude(buf, at + 1, valueLength - 1);
    const value = formatScaled(negative, digits, scale);
    return { kind: 'sql_variant', baseType, value, precision, scale };
  }
  if (CHARACTER[baseType] !== undefined) {
    const collation = Buffer.from(buf.subarray(offset + 2, offset + 7));
    const max = buf.readUInt16LE(offset + 7);
    let value: string;
    if (baseType.startsWith('n')) value = buf.toString('utf16le', at, at + valueLength);
    else {
      collationCodePage(collation);
      value = decodeCp1252(buf, at, valueLength);
    }
    return { kind: 'sql_variant', baseType, value, maxLength: max, collation };
  }
  const max = buf.readUInt16LE(offset + 2);
  return {
    kind: 'sql_variant',
    baseType,
    value: Buffer.from(buf.subarray(at, at + valueLength)),
    maxLength: max,
  };
}

export const variantCodec: ValueCodec = { encode: encodeVariant, decode: decodeVariant };
