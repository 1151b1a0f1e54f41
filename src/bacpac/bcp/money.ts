import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError } from './value-error';
import type { ValueCodec } from './value-codec';
import { decimalText, formatScaled, parseScaled } from './scaled-decimal';

/**
 * money: value·10^4 as a signed 64-bit integer written as its high 32 bits (LE) and then its low
 * 32 bits (LE). smallmoney: value·10^4 as int32 LE (format spec 5.4). Values are decimal strings;
 * decoding gives exactly 4 fraction digits.
 */
const TWO_32 = 4294967296;
const MONEY_MIN = -(2n ** 63n);
const MONEY_MAX = 2n ** 63n - 1n;

/** Parses money text to its unscaled value (×10^4), as a number when small enough, else a bigint. */
function unscaled(value: BcpValue, label: string): { text: string; small: number | null; big: bigint } {
  const text = decimalText(label, value);
  const parsed = parseScaled(text, 4, label);
  if (parsed.digits.length <= 15) {
    const n = parsed.digits === '' ? 0 : Number(parsed.digits);
    return { text, small: parsed.negative ? -n : n, big: 0n };
  }
  const big = BigInt(parsed.digits);
  return { text, small: null, big: parsed.negative ? -big : big };
}

export const moneyCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const { text, small, big } = unscaled(value, 'money');
    let high: number;
    let low: number;
    if (small !== null) {
      high = Math.floor(small / TWO_32);
      low = small - high * TWO_32;
    } else {
      if (big < MONEY_MIN || big > MONEY_MAX) {
        throw new BcpValueError(
          'BCP_MONEY_RANGE',
          `value ${text} is out of range for money (-922337203685477.5808 to 922337203685477.5807)`,
        );
      }
      high = Number(big >> 32n);
      low = Number(big & 0xffffffffn);
    }
    out.ensure(8);
    out.buf.writeInt32LE(high, out.pos);
    out.buf.writeUInt32LE(low, out.pos + 4);
    out.pos += 8;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    const high = buf.readInt32LE(offset);
    const low = buf.readUInt32LE(offset + 4);
    if (high >= -0x200000 && high < 0x200000) {
      const n = high * TWO_32 + low;
      return formatScaled(n < 0, String(Math.abs(n)), 4);
    }
    const big = (BigInt(high) << 32n) | BigInt(low);
    return formatScaled(big < 0n, (big < 0n ? -big : big).toString(), 4);
  },
};

export const smallmoneyCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const { text, small } = unscaled(value, 'smallmoney');
    if (small === null || small < -2147483648 || small > 2147483647) {
      throw new BcpValueError(
        'BCP_MONEY_RANGE',
        `value ${text} is out of range for smallmoney (-214748.3648 to 214748.3647)`,
      );
    }
    out.ensure(4);
    out.buf.writeInt32LE(small, out.pos);
    out.pos += 4;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    const n = buf.readInt32LE(offset);
    return formatScaled(n < 0, String(Math.abs(n)), 4);
  },
};
