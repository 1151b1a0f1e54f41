import { CENTRAL_DIRECTORY_HEADER_SIGNATURE, CENTRAL_DIRECTORY_HEADER_SIZE, MAX_UINT32 } from './constants';
import { versionNeeded, type EntryRecordFields } from './entry-record-fields';
import { buildZip64ExtraField } from './zip64-extra-field';

/**
 * Central directory file header (APPNOTE 4.3.12). No comment, disk 0, attributes 0. "Version made by"
 * equals "version needed" with host system MS-DOS (0x0014, or 0x002D for a ZIP64 entry). A ZIP64 entry
 * holds 0xFFFFFFFF in both sizes and the offset, with all three values in a ZIP64 extra field.
 */
export function buildCentralDirectoryHeader(fields: EntryRecordFields, localHeaderOffset: number): Buffer {
  const extra = fields.zip64
    ? buildZip64ExtraField([fields.uncompressedSize, fields.compressedSize, localHeaderOffset])
    : undefined;
  const extraLength = extra?.length ?? 0;
  const header = Buffer.alloc(CENTRAL_DIRECTORY_HEADER_SIZE + fields.nameBytes.length + extraLength);
  const version = versionNeeded(fields);
  // central file header signature
  header.writeUInt32LE(CENTRAL_DIRECTORY_HEADER_SIGNATURE, 0);
  // version made by: upper byte 0 = MS-DOS host
  header.writeUInt16LE(version, 4);
  // version needed to extract
  header.writeUInt16LE(version, 6);
  // general purpose bit flag
  header.writeUInt16LE(0, 8);
  // compression method
  header.writeUInt16LE(fields.methodCode, 10);
  // last mod file time
  header.writeUInt16LE(fields.dos.time, 12);
  // last mod file date
  header.writeUInt16LE(fields.dos.date, 14);
  // crc-32
  header.writeUInt32LE(fields.crc32, 16);
  // compressed size
  header.writeUInt32LE(fields.zip64 ? MAX_UINT32 : fields.compressedSize, 20);
  // uncompressed size
  header.writeUInt32LE(fields.zip64 ? MAX_UINT32 : fields.uncompressedSize, 24);
  // file name length
  header.writeUInt16LE(fields.nameBytes.length, 28);
  // extra field length
  header.writeUInt16LE(extraLength, 30);
  // file comment length
  header.writeUInt16LE(0, 32);
  // disk number start
  header.writeUInt16LE(0, 34);
  // internal file attributes
  header.writeUInt16LE(0, 36);
  // external file attributes
  header.writeUInt32LE(0, 38);
  // relative offset of local header
  header.writeUInt32LE(fields.zip64 ? MAX_UINT32 : localHeaderOffset, 42);
  // file name
  fields.nameBytes.copy(header, CENTRAL_DIRECTORY_HEADER_SIZE);
  // extra field
  extra?.copy(header, CENTRAL_DIRECTORY_HEADER_SIZE + fields.nameBytes.length);
  return header;
}
