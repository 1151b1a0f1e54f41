import type { ByteWriter } from './byte-writer';
import type { SqlVariantValue } from './types';
import { maxLength, writeLE } from './variant-bytes';
import { BcpValueError, describeValue } from './value-error';

/** Binary base types (property byte count 2: the maximum length), the value bytes as they are. */
export const BINARY: Readonly<Record<string, number>> = { varbinary: 0xa5, binary: 0xad };

export function encodeBinary(out: ByteWriter, v: SqlVariantValue, code: number): void {
  if (!(v.value instanceof Uint8Array)) {
    throw new BcpValueError(
      'BCP_TYPE',
      `expected a Buffer for sql_variant ${v.baseType}, found ${describeValue(v.value)}`,
    );
  }
  out.u8(code);
  out.u8(2);
  writeLE(out, maxLength(v, v.value.length), 2);
  out.bytes(v.value);
}

/** Decodes the value whose type byte is at `offset` and value bytes (`valueLength`) at `at`. */
export function decodeBinary(
  buf: Buffer,
  offset: number,
  at: number,
  valueLength: number,
  baseType: string,
): SqlVariantValue {
  const max = buf.readUInt16LE(offset + 2);
  return {
    kind: 'sql_variant',
    baseType,
    value: Buffer.from(buf.subarray(at, at + valueLength)),
    maxLength: max,
  };
}
