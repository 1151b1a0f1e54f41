import {
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  MAX_UINT16,
  MAX_UINT32,
  VERSION_ZIP64,
  ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIGNATURE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE,
} from './constants';
import { writeUInt64LE } from './zip64-extra-field';

/** Where the central directory is and how many entries it lists. */
export interface CentralDirectoryLocation {
  readonly entryCount: number;
  readonly size: number;
  readonly offset: number;
}

/** Zip64 end of central directory record (APPNOTE 4.3.14), version 1, no extensible data. */
export function buildZip64EndOfCentralDirectory(cd: CentralDirectoryLocation): Buffer {
  const record = Buffer.alloc(ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE);
  // zip64 end of central dir signature
  record.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  // size of zip64 end of central directory record: the bytes after this field
  writeUInt64LE(record, ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE - 12, 4);
  // version made by (MS-DOS host)
  record.writeUInt16LE(VERSION_ZIP64, 12);
  // version needed to extract
  record.writeUInt16LE(VERSION_ZIP64, 14);
  // number of this disk
  record.writeUInt32LE(0, 16);
  // number of the disk with the start of the central directory
  record.writeUInt32LE(0, 20);
  // total number of entries in the central directory on this disk
  writeUInt64LE(record, cd.entryCount, 24);
  // total number of entries in the central directory
  writeUInt64LE(record, cd.entryCount, 32);
  // size of the central directory
  writeUInt64LE(record, cd.size, 40);
  // offset of start of central directory with respect to the starting disk number
  writeUInt64LE(record, cd.offset, 48);
  return record;
}

/** Zip64 end of central directory locator (APPNOTE 4.3.15). */
export function buildZip64EndOfCentralDirectoryLocator(zip64RecordOffset: number): Buffer {
  const locator = Buffer.alloc(ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE);
  // zip64 end of central dir locator signature
  locator.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIGNATURE, 0);
  // number of the disk with the start of the zip64 end of central directory
  locator.writeUInt32LE(0, 4);
  // relative offset of the zip64 end of central directory record
  writeUInt64LE(locator, zip64RecordOffset, 8);
  // total number of disks
  locator.writeUInt32LE(1, 16);
  return locator;
}

/**
 * End of central directory record (APPNOTE 4.3.16), no comment. With `zip64` set, the count, size and
 * offset fields all hold their "see the ZIP64 record" values and the real ones are in that record.
 */
export function buildEndOfCentralDirectory(cd: CentralDirectoryLocation, zip64: boolean): Buffer {
  const record = Buffer.alloc(END_OF_CENTRAL_DIRECTORY_SIZE);
  const count = zip64 ? MAX_UINT16 : cd.entryCount;
  // end of central dir signature
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  // number of this disk
  record.writeUInt16LE(0, 4);
  // number of the disk with the start of the central directory
  record.writeUInt16LE(0, 6);
  // total number of entries in the central directory on this disk
  record.writeUInt16LE(count, 8);
  // total number of entries in the central directory
  record.writeUInt16LE(count, 10);
  // size of the central directory
  record.writeUInt32LE(zip64 ? MAX_UINT32 : cd.size, 12);
  // offset of start of central directory with respect to the starting disk number
  record.writeUInt32LE(zip64 ? MAX_UINT32 : cd.offset, 16);
  // .ZIP file comment length
  record.writeUInt16LE(0, 20);
  return record;
}
