import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * tinyint, smallint, int, bigint and bit: two's complement little-endian integers (format spec 5.4).
 * The 32-bit and smaller types travel as JS numbers; bigint travels as a JS bigint so that values
 * beyond 2^53 stay exact.
 */
type SmallIntegerType = 'tinyint' | 'smallint' | 'int';

const RANGE: Readonly<Record<SmallIntegerType, readonly [number, number]>> = {
  tinyint: [0, 255],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
};

const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

function toSafeInteger(type: string, value: BcpValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') {
    if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER))
      return Number(value);
    throw new BcpValueError('BCP_INT_RANGE', `value ${value} is out of range for ${type}`);
  }
  throw new BcpValueError(
    'BCP_TYPE',
    `expected an integer number for ${type}, found ${describeValue(value)}`,
  );
}

export function smallIntegerCodec(type: SmallIntegerType): ValueCodec {
  const [min, max] = RANGE[type];
  const size = type === 'tinyint' ? 1 : type === 'smallint' ? 2 : 4;
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const n = toSafeInteger(type, value);
      if (n < min || n > max) {
        throw new BcpValueError('BCP_INT_RANGE', `value ${n} is out of range for ${type} (${min} to ${max})`);
      }
      out.ensure(size);
      if (size === 1) out.buf[out.pos] = n;
      else if (size === 2) out.buf.writeInt16LE(n, out.pos);
      else out.buf.writeInt32LE(n, out.pos);
      out.pos += size;
    },
    decode(buf: Buffer, offset: number): BcpValue {
      if (size === 1) return buf[offset] as number;
      return size === 2 ? buf.readInt16LE(offset) : buf.readInt32LE(offset);
    },
  };
}

const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

export const bigintCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    let n: bigint;
    if (typeof value === 'bigint') n = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
    else throw new BcpValueError('BCP_TYPE', `expected a bigint for bigint, found ${describeValue(value)}`);
    if (n < BIGINT_MIN || n > BIGINT_MAX) {
      throw new BcpValueError('BCP_INT_RANGE', `value ${n} is out of range for bigint (-2^63 to 2^63-1)`);
    }
    out.ensure(8);
    if (n >= SAFE_MIN && n <= SAFE_MAX) {
      // Exact: a safe integer is represented exactly as a number; two 32-bit words are cheaper
      // to write than Buffer.writeBigInt64LE's bigint arithmetic.
      const v = Number(n);
      out.buf.writeUInt32LE(v >>> 0, out.pos);
      out.buf.writeInt32LE(Math.floor(v / 4294967296), out.pos + 4);
    } else {
      out.buf.writeBigInt64LE(n, out.pos);
    }
    out.pos += 8;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return buf.readBigInt64LE(offset);
  },
};

/** bit: one byte, 00 or 01. Accepts true/false and the numbers 0 and 1. */
export const bitCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    let bit: number;
    if (typeof value === 'boolean') bit = value ? 1 : 0;
    else if (value === 0 || value === 1) bit = value;
    else throw new BcpValueError('BCP_TYPE', `expected a boolean for bit, found ${describeValue(value)}`);
    out.u8(bit);
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return buf[offset] !== 0;
  },
};
