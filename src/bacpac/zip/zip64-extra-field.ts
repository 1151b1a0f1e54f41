import { ZIP64_EXTRA_FIELD_ID } from './constants';

/** Writes a JS integer (checked safe by the caller) as an unsigned 64-bit little-endian value. */
export function writeUInt64LE(buffer: Buffer, value: number, offset: number): void {
  buffer.writeBigUInt64LE(BigInt(value), offset);
}

/**
 * ZIP64 extended information extra field (APPNOTE 4.5.3). `values` are, in this order and only for the
 * header fields that hold 0xFFFFFFFF: original (uncompressed) size, compressed size, local header offset.
 */
export function buildZip64ExtraField(values: readonly number[]): Buffer {
  const field = Buffer.alloc(4 + 8 * values.length);
  // header ID
  field.writeUInt16LE(ZIP64_EXTRA_FIELD_ID, 0);
  // data size
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => {
    // original size, compressed size, relative header offset: 8 bytes each
    writeUInt64LE(field, value, 4 + 8 * i);
  });
  return field;
}
