import type { ByteWriter } from './byte-writer';
import { DEFAULT_VARIANT_COLLATION, collationCodePage, decodeCodePage, encodeCodePage } from './code-page';
import type { SqlVariantValue } from './types';
import { maxLength, writeLE } from './variant-bytes';
import { BcpValueError, describeValue } from './value-error';

/**
 * Character base types (property byte count 7: a 5-byte collation, a 2-byte maximum length):
 * varchar/char values in the collation's code page, nvarchar/nchar in UTF-16LE.
 */
export const CHARACTER: Readonly<Record<string, number>> = {
  varchar: 0xa7,
  char: 0xaf,
  nvarchar: 0xe7,
  nchar: 0xef,
};

export function encodeCharacter(out: ByteWriter, v: SqlVariantValue, code: number): void {
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
    : encodeCodePage(collationCodePage(collation), v.value);
  out.u8(code);
  out.u8(7);
  out.bytes(collation);
  writeLE(out, maxLength(v, data.length), 2);
  out.bytes(data);
}

/** Decodes the value whose type byte is at `offset` and value bytes (`valueLength`) at `at`. */
export function decodeCharacter(
  buf: Buffer,
  offset: number,
  at: number,
  valueLength: number,
  baseType: string,
): SqlVariantValue {
  const collation = Buffer.from(buf.subarray(offset + 2, offset + 7));
  const max = buf.readUInt16LE(offset + 7);
  let value: string;
  if (baseType.startsWith('n')) value = buf.toString('utf16le', at, at + valueLength);
  else value = decodeCodePage(collationCodePage(collation), buf, at, valueLength);
  return { kind: 'sql_variant', baseType, value, maxLength: max, collation };
}
