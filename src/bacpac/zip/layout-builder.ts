import { buildCentralDirectoryHeader } from './central-directory-header';
import { MAX_UINT16, MAX_UINT32, ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE } from './constants';
import { toDosDateTime } from './dos-time';
import {
  buildEndOfCentralDirectory,
  buildZip64EndOfCentralDirectory,
  buildZip64EndOfCentralDirectoryLocator,
} from './end-records';
import { methodCode, validateEntryMeta, type ZipEntryMeta } from './entry-meta';
import { encodeEntryName } from './entry-name';
import type { EntryRecordFields } from './entry-record-fields';
import { ZipErrorCode, zipError } from './error-codes';
import { buildLocalFileHeader } from './local-file-header';
import type { ZipEntryLayout, ZipLayoutOptions, ZipTrailerLayout } from './layout-types';

/** Refuses an offset or size that is not a safe non-negative integer. */
function checkOffset(value: number, what: string, name?: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw zipError(
      ZipErrorCode.Unsupported,
      `${what} reaches ${String(value)}${name === undefined ? '' : ` at entry "${name}"`}; ` +
        'expected a non-negative integer below 2^53',
      { entry: name },
    );
  }
  return value;
}

/**
 * Lays out an archive one entry at a time from metadata alone. The writer feeds it entries as it streams
 * them; `layoutZip` feeds it a whole list. An entry gets ZIP64 fields only when one of its sizes or its
 * offset does not fit 32 bits (or when forced); the ZIP64 end records are written when any entry uses
 * ZIP64, when there are 65535 entries or more, or when the central directory's size or offset needs it.
 */
export class ZipLayoutBuilder {
  private offset: number;
  private readonly forceZip64: boolean;
  private readonly centralHeaders: Buffer[] = [];
  private readonly names = new Set<string>();
  private anyZip64 = false;

  constructor(options: ZipLayoutOptions = {}) {
    this.offset = checkOffset(options.startOffset ?? 0, 'startOffset');
    this.forceZip64 = options.forceZip64 ?? false;
  }

  add(meta: ZipEntryMeta): ZipEntryLayout {
    validateEntryMeta(meta);
    const nameBytes = encodeEntryName(meta.name);
    if (this.names.has(meta.name)) {
      throw zipError(
        ZipErrorCode.DuplicateName,
        `entry "${meta.name}" is added twice; names must be unique`,
        {
          entry: meta.name,
        },
      );
    }
    this.names.add(meta.name);
    const localHeaderOffset = this.offset;
    const zip64 =
      this.forceZip64 ||
      meta.compressedSize >= MAX_UINT32 ||
      meta.uncompressedSize >= MAX_UINT32 ||
      localHeaderOffset >= MAX_UINT32;
    this.anyZip64 ||= zip64;
    const fields: EntryRecordFields = {
      nameBytes,
      methodCode: methodCode(meta.method),
      dos: toDosDateTime(meta.modified),
      crc32: meta.crc32,
      compressedSize: meta.compressedSize,
      uncompressedSize: meta.uncompressedSize,
      zip64,
    };
    const localHeader = buildLocalFileHeader(fields);
    const dataOffset = localHeaderOffset + localHeader.length;
    const dataEnd = checkOffset(dataOffset + meta.compressedSize, 'archive offset', meta.name);
    this.centralHeaders.push(buildCentralDirectoryHeader(fields, localHeaderOffset));
    this.offset = dataEnd;
    return { meta, zip64, localHeaderOffset, localHeader, dataOffset, dataEnd };
  }

  finish(): ZipTrailerLayout {
    const entryCount = this.centralHeaders.length;
    const centralDirectoryOffset = this.offset;
    const centralDirectory = Buffer.concat(this.centralHeaders);
    const centralDirectorySize = centralDirectory.length;
    const cd = { entryCount, size: centralDirectorySize, offset: centralDirectoryOffset };
    const zip64 =
      this.forceZip64 ||
      this.anyZip64 ||
      entryCount >= MAX_UINT16 ||
      centralDirectorySize >= MAX_UINT32 ||
      centralDirectoryOffset >= MAX_UINT32;
    const parts: Buffer[] = [centralDirectory];
    if (zip64) {
      const zip64RecordOffset = centralDirectoryOffset + centralDirectorySize;
      parts.push(buildZip64EndOfCentralDirectory(cd));
      parts.push(buildZip64EndOfCentralDirectoryLocator(zip64RecordOffset));
      checkOffset(zip64RecordOffset + ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE, 'archive offset');
    }
    parts.push(buildEndOfCentralDirectory(cd, zip64));
    const trailer = Buffer.concat(parts);
    const totalSize = checkOffset(centralDirectoryOffset + trailer.length, 'archive size');
    return { entryCount, centralDirectoryOffset, centralDirectorySize, zip64, trailer, totalSize };
  }
}
