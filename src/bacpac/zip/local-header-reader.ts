import type { BlockReader } from './block-reader';
import type { CentralDirectoryRecord } from './central-directory-reader';
import { decodeName } from './central-directory-reader';
import { FLAG_DATA_DESCRIPTOR, LOCAL_FILE_HEADER_SIGNATURE, LOCAL_FILE_HEADER_SIZE } from './constants';
import { ZipErrorCode, zipError } from './error-codes';
import { readDataDescriptor } from './data-descriptor-reader';
import { hex, mismatch, truncated } from './entry-header-errors';
import { applyZip64ExtraField, parseExtraFields } from './extra-fields';

/** What the local header adds to the central directory's view of an entry. */
export interface LocalHeaderFacts {
  readonly dataOffset: number;
  readonly localExtraIds: readonly number[];
  readonly localExtraLength: number;
  readonly dataDescriptorLength: number;
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
