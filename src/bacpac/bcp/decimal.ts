import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError } from './value-error';
import type { ValueCodec } from './value-codec';
import {
  type ScaledDigits,
  decimalText,
  formatScaled,
  parseScaled,
  parseScaledSmall,
} from './scaled-decimal';

/**
 * decimal(p,s) / numeric(p,s): 19 data bytes `[precision][scale][sign][16-byte magnitude]`, where
 * precision and scale are the column's declared values, sign is 01 for positive or zero and 00 for
 * negative, and the magnitude is abs(value)·10^s as an unsigned little-endian integer (spec 5.4).
 * Values are decimal strings; decoding gives exactly `s` fraction digits.
 */
const TWO_32 = 4294967296;

/**
 * Writes a non-negative integer digit string as a little-endian magnitude of `width` bytes (a
 * multiple of 4, wide enough for the value) at `offset`.
 */
export function writeMagnitude(buf: Buffer, offset: number, digits: string, width: number): void {
  if (digits.length <= 15) {
    const n = digits === '' ? 0 : Number(digits);
    const low = n % TWO_32;
    buf.writeUInt32LE(low, offset);
    if (width > 4) {
      buf.writeUInt32LE((n - low) / TWO_32, offset + 4);
      buf.fill(0, offset + 8, offset + width);
    }
    return;
  }
  let m = BigInt(digits);
  for (let i = 0; i < width; i += 4) {
    buf.writeUInt32LE(Number(m & 0xffffffffn), offset + i);
    m >>= 32n;
  }
}

/** Parses a value for decimal(p,s), refusing more integer or fraction digits than the type keeps. */
export function parseExact(value: BcpValue, precision: number, scale: number, label: string): ScaledDigits {
  const text = decimalText(label, value);
  const parsed = parseScaled(text, scale, label);
  if (parsed.integerDigits > precision - scale) {
    throw new BcpValueError(
      'BCP_DECIMAL_OVERFLOW',
      `value ${text} does not fit ${label}: at most ${precision - scale} integer digits, found ${parsed.integerDigits}`,
    );
  }
  return parsed;
}

/** Reads an unsigned little-endian magnitude of `length` bytes (a multiple of 4) as a digit string. */
export function readMagnitude(buf: Buffer, offset: number, length: number): string {
  const w0 = buf.readUInt32LE(offset);
  const w1 = length > 4 ? buf.readUInt32LE(offset + 4) : 0;
  let high = 0;
  for (let i = 8; i < length; i += 4) high |= buf.readUInt32LE(offset + i);
  if (high === 0 && w1 < 0x200000) {
    const n = w0 + w1 * TWO_32;
    return n === 0 ? '' : String(n);
  }
  let m = 0n;
  for (let i = length - 4; i >= 0; i -= 4) m = (m << 32n) | BigInt(buf.readUInt32LE(offset + i));
  return m.toString();
}

export function decimalCodec(type: 'decimal' | 'numeric', precision: number, scale: number): ValueCodec {
  const label = `${type}(${precision},${scale})`;
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      out.ensure(19);
      const buf = out.buf;
      const at = out.pos;
      buf[at] = precision;
      buf[at + 1] = scale;
      const small = typeof value === 'string' ? parseScaledSmall(value, scale) : undefined;
      if (small !== undefined && small.integerDigits <= precision - scale) {
        buf[at + 2] = small.negative ? 0 : 1;
        const low = small.magnitude % TWO_32;
        buf.writeUInt32LE(low, at + 3);
        buf.writeUInt32LE((small.magnitude - low) / TWO_32, at + 7);
        buf.writeUInt32LE(0, at + 11);
        buf.writeUInt32LE(0, at + 15);
      } else {
        const parsed = parseExact(value, precision, scale, label);
        buf[at + 2] = parsed.negative ? 0 : 1;
        writeMagnitude(buf, at + 3, parsed.digits, 16);
      }
      out.pos = at + 19;
    },
    decode(buf: Buffer, offset: number): BcpValue {
      const storedScale = buf[offset + 1] as number;
      const negative = buf[offset + 2] === 0;
      let digits = readMagnitude(buf, offset + 3, 16);
      if (storedScale >= scale) return formatScaled(negative, digits, storedScale);
      // A value stored with fewer fraction digits than the column declares: show the column's scale.
      if (digits !== '') digits += '0'.repeat(scale - storedScale);
      return formatScaled(negative, digits, scale);
    },
  };
}
