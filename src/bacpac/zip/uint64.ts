import { ZipErrorCode, zipError } from './error-codes';

/** Reads an unsigned 64-bit little-endian value that must fit a JS safe integer (offsets and sizes). */
export function readUInt64AsNumber(buffer: Buffer, offset: number, what: string): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw zipError(ZipErrorCode.Unsupported, `${what} is ${value}; values above 2^53 - 1 are not supported`);
  }
  return Number(value);
}
