import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * uniqueidentifier: 16 bytes in .NET Guid order: the first group (4 bytes), second (2) and third (2)
 * reversed, the last 8 bytes as written (format spec 5.4). Text is the canonical GUID form; the
 * decoder gives upper case, the encoder accepts either case and optional braces.
 */
/** Character index in the 36-character text of the high hex digit of each of the 16 stored bytes. */
const TEXT_INDEX = [6, 4, 2, 0, 11, 9, 16, 14, 19, 21, 24, 26, 28, 30, 32, 34];
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** The value of each ASCII hex digit's character code, -1 for every other code below 128. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let d = 0; d < 16; d++) {
  HEX_VALUE[d.toString(16).charCodeAt(0)] = d;
  HEX_VALUE[d.toString(16).toUpperCase().charCodeAt(0)] = d;
}

/** The value of the hex digit at `at`, or -1. */
function nibbleAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code < 128 ? (HEX_VALUE[code] as number) : -1;
}

/** Writes the 16 bytes of GUID text (optionally in braces) at `offset`; false when it is not GUID text. */
function tryWriteGuid(buf: Buffer, offset: number, text: string): boolean {
  const braced = text.length === 38;
  if (braced ? text.charCodeAt(0) !== 0x7b || text.charCodeAt(37) !== 0x7d : text.length !== 36) return false;
  const base = braced ? 1 : 0;
  if (
    text.charCodeAt(base + 8) !== 0x2d ||
    text.charCodeAt(base + 13) !== 0x2d ||
    text.charCodeAt(base + 18) !== 0x2d ||
    text.charCodeAt(base + 23) !== 0x2d
  ) {
    return false;
  }
  for (let i = 0; i < 16; i++) {
    const at = base + (TEXT_INDEX[i] as number);
    const high = nibbleAt(text, at);
    const low = nibbleAt(text, at + 1);
    if (high < 0 || low < 0) return false;
    buf[offset + i] = (high << 4) | low;
  }
  return true;
}

export function writeGuid(buf: Buffer, offset: number, text: string): void {
  if (!tryWriteGuid(buf, offset, text)) {
    throw new BcpValueError(
      'BCP_BAD_GUID',
      `expected uniqueidentifier text xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, found "${text}"`,
    );
  }
}

export function readGuid(buf: Buffer, o: number): string {
  const b = (i: number): string => HEX[buf[o + i] as number] as string;
  return `${b(3)}${b(2)}${b(1)}${b(0)}-${b(5)}${b(4)}-${b(7)}${b(6)}-${b(8)}${b(9)}-${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}`;
}

export const guidCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    if (typeof value !== 'string') {
      throw new BcpValueError(
        'BCP_TYPE',
        `expected GUID text for uniqueidentifier, found ${describeValue(value)}`,
      );
    }
    out.ensure(16);
    writeGuid(out.buf, out.pos, value);
    out.pos += 16;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return readGuid(buf, offset);
  },
};
