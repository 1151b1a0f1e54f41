import type { ByteWriter } from './byte-writer';
import { parseExact, readMagnitude, writeMagnitude } from './decimal';
import { formatScaled } from './scaled-decimal';
import type { SqlVariantValue } from './types';
import { checkScale } from './variant-bytes';
import { BcpValueError } from './value-error';

/**
 * decimal and numeric (property byte count 2: precision, scale): a sign byte (0 negative), then a
 * 4, 8, 12 or 16-byte little-endian magnitude chosen by precision.
 */
export const EXACT: Readonly<Record<string, number>> = { decimal: 0x6a, numeric: 0x6c };

function magnitudeBytes(precision: number): number {
  return precision <= 9 ? 4 : precision <= 19 ? 8 : precision <= 28 ? 12 : 16;
}

export function encodeExact(out: ByteWriter, v: SqlVariantValue, code: number): void {
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
  buf[out.pos] = code;
  buf[out.pos + 1] = 2;
  buf[out.pos + 2] = precision;
  buf[out.pos + 3] = scale;
  buf[out.pos + 4] = parsed.negative ? 0 : 1;
  writeMagnitude(buf, out.pos + 5, parsed.digits, width);
  out.pos += 5 + width;
}

/** Decodes the value whose type byte is at `offset` and value bytes (`valueLength`) at `at`. */
export function decodeExact(
  buf: Buffer,
  offset: number,
  at: number,
  valueLength: number,
  baseType: string,
): SqlVariantValue {
  const precision = buf[offset + 2] as number;
  const scale = buf[offset + 3] as number;
  const negative = buf[at] === 0;
  const digits = readMagnitude(buf, at + 1, valueLength - 1);
  const value = formatScaled(negative, digits, scale);
  return { kind: 'sql_variant', baseType, value, precision, scale };
}
