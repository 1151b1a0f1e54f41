import { LOCAL_FILE_HEADER_SIGNATURE, LOCAL_FILE_HEADER_SIZE, MAX_UINT32 } from './constants';
import { versionNeeded, type EntryRecordFields } from './entry-record-fields';
import { buildZip64ExtraField } from './zip64-extra-field';

/**
 * Local file header (APPNOTE 4.3.7) with CRC-32 and both sizes filled in: we never use data descriptors.
 * A ZIP64 entry holds 0xFFFFFFFF in both size fields and both real sizes in a ZIP64 extra field.
 */
export function buildLocalFileHeader(fields: EntryRecordFields): Buffer {
  const extra = fields.zip64
    ? buildZip64ExtraField([fields.uncompressedSize, fields.compressedSize])
    : undefined;
  const extraLength = extra?.length ?? 0;
  const header = Buffer.alloc(LOCAL_FILE_HEADER_SIZE + fields.nameBytes.length + extraLength);
  // local file header signature
  header.writeUInt32LE(LOCAL_FILE_HEADER_SIGNATURE, 0);
  // version needed to extract
  header.writeUInt16LE(versionNeeded(fields), 4);
  // general purpose bit flag: 0 (ASCII names, no data descriptor, not encrypted)
  header.writeUInt16LE(0, 6);
  // compression method
  header.writeUInt16LE(fields.methodCode, 8);
  // last mod file time
  header.writeUInt16LE(fields.dos.time, 10);
  // last mod file date
  header.writeUInt16LE(fields.dos.date, 12);
  // crc-32
  header.writeUInt32LE(fields.crc32, 14);
  // compressed size
  header.writeUInt32LE(fields.zip64 ? MAX_UINT32 : fields.compressedSize, 18);
  // uncompressed size
  header.writeUInt32LE(fields.zip64 ? MAX_UINT32 : fields.uncompressedSize, 22);
  // file name length
  header.writeUInt16LE(fields.nameBytes.length, 26);
  // extra field length
  header.writeUInt16LE(extraLength, 28);
  // file name
  fields.nameBytes.copy(header, LOCAL_FILE_HEADER_SIZE);
  // extra field
  extra?.copy(header, LOCAL_FILE_HEADER_SIZE + fields.nameBytes.length);
  return header;
}
