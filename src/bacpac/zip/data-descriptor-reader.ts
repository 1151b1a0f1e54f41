import type { BlockReader } from './block-reader';
import type { CentralDirectoryRecord } from './central-directory-reader';
import { DATA_DESCRIPTOR_SIGNATURE } from './constants';
import { hex, mismatch, truncated } from './entry-header-errors';

/**
 * Reads a data descriptor (APPNOTE 4.3.9): optional signature, CRC-32, then both sizes as 4-byte values,
 * or 8-byte values in a ZIP64 entry. Returns its length once it agrees with the central directory.
 */
export async function readDataDescriptor(
  reader: BlockReader,
  record: CentralDirectoryRecord,
  at: number,
): Promise<number> {
  const size = reader.source.size;
  const available = Math.min(24, size - at);
  const bytes = available > 0 ? await reader.read(at, available) : Buffer.alloc(0);
  const signed = bytes.length >= 4 && bytes.readUInt32LE(0) === DATA_DESCRIPTOR_SIGNATURE ? 4 : 0;
  const layouts = [
    { width: 8, length: signed + 20 },
    { width: 4, length: signed + 12 },
  ];
  for (const { width, length } of layouts) {
    if (length > bytes.length) continue;
    const crc = bytes.readUInt32LE(signed);
    const read = (offset: number): number =>
      width === 4 ? bytes.readUInt32LE(offset) : Number(bytes.readBigUInt64LE(offset));
    const compressed = read(signed + 4);
    const uncompressed = read(signed + 4 + width);
    if (
      crc === record.crc32 &&
      compressed === record.compressedSize &&
      uncompressed === record.uncompressedSize
    ) {
      return length;
    }
  }
  if (bytes.length < signed + 12) throw truncated(record, 'data descriptor', at + signed + 12, size);
  throw mismatch(
    record,
    'in its data descriptor CRC-32/sizes',
    `${hex(bytes.readUInt32LE(signed))}/${bytes.readUInt32LE(signed + 4)}/${bytes.readUInt32LE(signed + 8)}`,
    `${hex(record.crc32)}/${record.compressedSize}/${record.uncompressedSize}`,
  );
}
