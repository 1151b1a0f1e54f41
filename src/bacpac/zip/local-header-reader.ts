import type { BlockReader } from './block-reader';
import type { CentralDirectoryRecord } from './central-directory-reader';
import { decodeName } from './central-directory-reader';
import {
  DATA_DESCRIPTOR_SIGNATURE,
  FLAG_DATA_DESCRIPTOR,
  LOCAL_FILE_HEADER_SIGNATURE,
  LOCAL_FILE_HEADER_SIZE,
} from './constants';
import { ZipErrorCode, zipError } from './error-codes';
import { applyZip64ExtraField, parseExtraFields } from './extra-fields';

/** What the local header adds to the central directory's view of an entry. */
export interface LocalHeaderFacts {
  readonly dataOffset: number;
  readonly localExtraIds: readonly number[];
  readonly localExtraLength: number;
  readonly dataDescriptorLength: number;
}

const hex = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;

function mismatch(record: CentralDirectoryRecord, what: string, local: string, central: string): Error {
  return zipError(
    ZipErrorCode.HeaderMismatch,
    `entry "${record.name}": the local header says ${what} ${local}, the central directory says ${central}`,
    { entry: record.name },
  );
}

function truncated(record: CentralDirectoryRecord, what: string, end: number, size: number): Error {
  return zipError(
    ZipErrorCode.Truncated,
    `entry "${record.name}": its ${what} would end at offset ${end}, beyond the end of the ${size}-byte archive`,
    { entry: record.name },
  );
}

/**
 * Reads a data descriptor (APPNOTE 4.3.9): optional signature, CRC-32, then both sizes as 4-byte values,
 * or 8-byte values in a ZIP64 entry. Returns its length once it agrees with the central directory.
 */
async function readDataDescriptor(
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

/** Reads an entry's local header, checks it against the central directory and locates the data. */
export async function readLocalHeader(
  reader: BlockReader,
  record: CentralDirectoryRecord,
): Promise<LocalHeaderFacts> {
  const size = reader.source.size;
  const offset = record.localHeaderOffset;
  if (offset + LOCAL_FILE_HEADER_SIZE > size) {
    throw truncated(record, 'local header', offset + LOCAL_FILE_HEADER_SIZE, size);
  }
  const header = await reader.read(offset, LOCAL_FILE_HEADER_SIZE);
  const signature = header.readUInt32LE(0);
  if (signature !== LOCAL_FILE_HEADER_SIGNATURE) {
    throw zipError(
      ZipErrorCode.BadSignature,
      `entry "${record.name}": expected a local header (signature 0x04034b50) at offset ${offset}, ` +
        `found ${hex(signature)}`,
      { entry: record.name },
    );
  }
  const flags = header.readUInt16LE(6);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const dataOffset = offset + LOCAL_FILE_HEADER_SIZE + nameLength + extraLength;
  if (dataOffset > size) throw truncated(record, 'local header', dataOffset, size);
  const variable = await reader.read(offset + LOCAL_FILE_HEADER_SIZE, nameLength + extraLength);
  const rawName = variable.subarray(0, nameLength);
  if (!rawName.equals(record.rawName)) {
    throw mismatch(record, 'name', JSON.stringify(decodeName(rawName, flags)), JSON.stringify(record.name));
  }
  const method = header.readUInt16LE(8);
  if (method !== record.method) throw mismatch(record, 'method', String(method), String(record.method));
  const extras = parseExtraFields(variable.subarray(nameLength));
  const dataEnd = dataOffset + record.compressedSize;
  if (dataEnd > size) throw truncated(record, `${record.compressedSize} bytes of data`, dataEnd, size);
  let dataDescriptorLength = 0;
  if ((flags | record.flags) & FLAG_DATA_DESCRIPTOR) {
    dataDescriptorLength = await readDataDescriptor(reader, record, dataEnd);
  } else {
    const crc = header.readUInt32LE(14);
    if (crc !== record.crc32) throw mismatch(record, 'CRC-32', hex(crc), hex(record.crc32));
    const sizes = { compressedSize: header.readUInt32LE(18), uncompressedSize: header.readUInt32LE(22) };
    applyZip64ExtraField(extras, sizes, `local header of entry "${record.name}"`, record.name);
    for (const key of ['compressedSize', 'uncompressedSize'] as const) {
      if (sizes[key] !== record[key]) throw mismatch(record, key, String(sizes[key]), String(record[key]));
    }
  }
  return {
    dataOffset,
    localExtraIds: extras.map((field) => field.id),
    localExtraLength: extraLength,
    dataDescriptorLength,
  };
}
