import type { ByteWriter } from './byte-writer';
import type { SqlVariantValue } from './types';
import { BcpValueError } from './value-error';

/** Writes a non-negative integer of `bytes` bytes, little-endian. */
export function writeLE(out: ByteWriter, value: number, bytes: number): void {
  out.ensure(bytes);
  let rest = value;
  for (let i = 0; i < bytes; i++) {
    const byte = rest % 256;
    out.buf[out.pos + i] = byte;
    rest = (rest - byte) / 256;
  }
  out.pos += bytes;
}

/** Reads an unsigned integer of `bytes` bytes, little-endian. */
export function readLE(buf: Buffer, offset: number, bytes: number): number {
  let n = 0;
  for (let i = bytes - 1; i >= 0; i--) n = n * 256 + (buf[offset + i] as number);
  return n;
}

/** The value's scale property (or `fallback`), which must be an integer from 0 to `max`. */
export function checkScale(v: SqlVariantValue, max: number, fallback: number): number {
  const scale = v.scale ?? fallback;
  if (!Number.isInteger(scale) || scale < 0 || scale > max) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `sql_variant ${v.baseType} needs a scale from 0 to ${max}, found ${scale}`,
    );
  }
  return scale;
}

/** The maximum-length property (or the value's own length), at least `actual` and at most 8000. */
export function maxLength(v: SqlVariantValue, actual: number): number {
  const max = v.maxLength ?? actual;
  if (!Number.isInteger(max) || max < actual || max > 8000) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `sql_variant ${v.baseType} value of ${actual} bytes does not fit its maxLength ${String(v.maxLength)}`,
    );
  }
  return max;
}
