import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * uniqueidentifier: 16 bytes in .NET Guid order: the first group (4 bytes), second (2) and third (2)
 * reversed, the last 8 bytes as written (format spec 5.4). Text is the canonical GUID form; the
 * decoder gives upper case, the encoder accepts either case and optional braces.
 */
const GUID_TEXT = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;
/** Position in the 32 hex digits of the text of each of the 16 stored bytes. */
const TEXT_BYTE_ORDER = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

export function writeGuid(buf: Buffer, offset: number, text: string): void {
  const match = GUID_TEXT.exec(text);
  if (!match || text.startsWith('{') !== text.endsWith('}')) {
    throw new BcpValueError(
      'BCP_BAD_GUID',
      `expected uniqueidentifier text xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, found "${text}"`,
    );
  }
  const hex = match.slice(1).join('');
  for (let i = 0; i < 16; i++) {
    const at = (TEXT_BYTE_ORDER[i] as number) * 2;
    buf[offset + i] = parseInt(hex.slice(at, at + 2), 16);
  }
}

export function readGuid(buf: Buffer, offset: number): string {
  const h = (i: number): string => HEX[buf[offset + i] as number] as string;
  return (
    h(3) +
    h(2) +
    h(1) +
    h(0) +
    '-' +
    h(5) +
    h(4) +
    '-' +
    h(7) +
    h(6) +
    '-' +
    h(8) +
    h(9) +
    '-' +
    h(10) +
    h(11) +
    h(12) +
    h(13) +
    h(14) +
    h(15)
  );
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
