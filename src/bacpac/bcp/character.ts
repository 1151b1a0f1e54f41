import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * char, varchar, text, nchar, nvarchar, ntext, sysname and xml: always UTF-16LE in the data file,
 * for the non-Unicode types too, with no BOM and no terminator (format spec 5.4). Lengths count
 * UTF-16 code units, which is how SQL Server counts nvarchar(n), and one byte per character in the
 * single-byte code pages a varchar(n) uses. char(n) and nchar(n) values are padded with spaces to n
 * characters, as SQL Server stores them; the decoder returns the padded text.
 */
function text(label: string, value: BcpValue): string {
  if (typeof value === 'string') return value;
  throw new BcpValueError('BCP_TYPE', `expected a string for ${label}, found ${describeValue(value)}`);
}

function tooLong(label: string, value: string, max: number): BcpValueError {
  return new BcpValueError(
    'BCP_TOO_LONG',
    `value of ${value.length} characters does not fit ${label} (at most ${max})`,
  );
}

/** varchar(n), nvarchar(n), sysname, and with no limit the (max) types, text, ntext and xml. */
export function variableTextCodec(label: string, maxChars: number): ValueCodec {
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const s = text(label, value);
      if (s.length > maxChars) throw tooLong(label, s, maxChars);
      out.utf16(s);
    },
    decode(buf: Buffer, offset: number, length: number): BcpValue {
      return buf.toString('utf16le', offset, offset + length);
    },
  };
}

/** char(n) and nchar(n): exactly n UTF-16 code units, space-padded. */
export function fixedTextCodec(label: string, chars: number): ValueCodec {
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const s = text(label, value);
      if (s.length > chars) throw tooLong(label, s, chars);
      out.utf16(s);
      const padding = chars - s.length;
      if (padding > 0) {
        out.ensure(padding * 2);
        const buf = out.buf;
        for (let i = 0, at = out.pos; i < padding; i++, at += 2) {
          buf[at] = 0x20;
          buf[at + 1] = 0;
        }
        out.pos += padding * 2;
      }
    },
    decode(buf: Buffer, offset: number, length: number): BcpValue {
      return buf.toString('utf16le', offset, offset + length);
    },
  };
}
