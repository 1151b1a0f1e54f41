import type { Rng } from './prng';

/**
 * Random binary values: Buffers for binary, varbinary, image and rowversion, and upper-case
 * canonical GUID text for uniqueidentifier (the codec's representations).
 */

export function randomBytes(rng: Rng, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let i = 0;
  for (; i + 4 <= length; i += 4) out.writeUInt32LE(rng.u32(), i);
  if (i < length) {
    const last = rng.u32();
    for (let k = 0; i < length; i++, k++) out[i] = (last >>> (8 * k)) & 0xff;
  }
  return out;
}

/** Between 0 and maxLength random bytes (empty sometimes). */
export function randomVarbinary(rng: Rng, maxLength: number): Buffer {
  return randomBytes(rng, rng.chance(0.08) ? 0 : rng.int(1, maxLength));
}

export function guidText(bytes: Buffer): string {
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function randomGuid(rng: Rng): string {
  return guidText(randomBytes(rng, 16));
}

export const GUID_MIN = '00000000-0000-0000-0000-000000000000';
export const GUID_MAX = 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF';

/**
 * A rowversion: 8 bytes, big-endian, unique within the database. `base` keeps tables apart and
 * the row index makes values ascend within a table.
 */
export function rowversion(base: number, rowIndex: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE((BigInt(base) << 40n) + BigInt(rowIndex) + 0x7d1n);
  return out;
}
