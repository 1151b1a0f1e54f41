import { BlockReader } from './block-reader';
import { readCentralDirectory } from './central-directory-reader';
import { fromDosDateTime } from './dos-time';
import { readEndOfCentralDirectory } from './end-of-central-directory';
import { ZipErrorCode, zipError } from './error-codes';
import { readLocalHeader } from './local-header-reader';
import type { RandomAccessSource } from './random-access-source';
import type { ZipEntry } from './zip-entry';

/** An opened archive: its entries in central directory order, and the source to read their data from. */
export interface ZipArchive {
  readonly source: RandomAccessSource;
  readonly entries: readonly ZipEntry[];
  readonly centralDirectoryOffset: number;
  readonly centralDirectorySize: number;
  /** Whether ZIP64 end records were found. */
  readonly zip64: boolean;
  readonly comment: Buffer;
  /** The first entry with this name. */
  getEntry(name: string): ZipEntry | undefined;
  /** Closes the source (if it can be closed). */
  close(): Promise<void>;
}

/** Checks that no two entries (header, data, data descriptor) share bytes, nor reach into the central directory. */
function checkOverlaps(entries: readonly ZipEntry[], centralDirectoryOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  byOffset.forEach((entry, i) => {
    const end = entry.dataOffset + entry.compressedSize + entry.dataDescriptorLength;
    const next = byOffset[i + 1];
    if (next !== undefined && end > next.localHeaderOffset) {
      throw zipError(
        ZipErrorCode.Overlap,
        `entry "${entry.name}" occupies offsets ${entry.localHeaderOffset}..${end}, which overlaps entry ` +
          `"${next.name}" starting at ${next.localHeaderOffset}`,
        { entry: entry.name, other: next.name },
      );
    }
    if (end > centralDirectoryOffset) {
      throw zipError(
        ZipErrorCode.Overlap,
        `entry "${entry.name}" occupies offsets ${entry.localHeaderOffset}..${end}, which overlaps the ` +
          `central directory starting at ${centralDirectoryOffset}`,
        { entry: entry.name },
      );
    }
  });
}

/**
 * Opens a ZIP archive: finds the end of central directory record (searching backwards past any comment),
 * follows the ZIP64 records when present, reads every central directory header and every local header,
 * and checks them against each other. Structural problems fail with a coded error naming the entry:
 * ZIP_TRUNCATED, ZIP_BAD_SIGNATURE, ZIP_HEADER_MISMATCH, ZIP_OVERLAP, ZIP_BAD_ZIP64, ZIP_UNSUPPORTED.
 * Entry data is not read here (see openEntryStream).
 */
export async function openZip(source: RandomAccessSource): Promise<ZipArchive> {
  const reader = new BlockReader(source);
  const end = await readEndOfCentralDirectory(reader);
  const cdEnd = end.centralDirectoryOffset + end.centralDirectorySize;
  if (cdEnd > end.endRecordsOffset) {
    throw zipError(
      ZipErrorCode.Truncated,
      `the central directory is declared at offsets ${end.centralDirectoryOffset}..${cdEnd}, past the end ` +
        `records at ${end.endRecordsOffset}`,
    );
  }
  const records = await readCentralDirectory(reader, end);
  const entries: ZipEntry[] = [];
  for (const record of records) {
    const local = await readLocalHeader(reader, record);
    entries.push({
      index: record.index,
      name: record.name,
      rawName: record.rawName,
      method: record.method,
      flags: record.flags,
      crc32: record.crc32,
      compressedSize: record.compressedSize,
      uncompressedSize: record.uncompressedSize,
      localHeaderOffset: record.localHeaderOffset,
      dataOffset: local.dataOffset,
      versionMadeBy: record.versionMadeBy,
      versionNeeded: record.versionNeeded,
      dosTime: record.dosTime,
      dosDate: record.dosDate,
      modified: fromDosDateTime(record.dosDate, record.dosTime),
      centralExtraIds: record.extraIds,
      centralExtraLength: record.extraLength,
      localExtraIds: local.localExtraIds,
      localExtraLength: local.localExtraLength,
      comment: record.comment,
      internalAttributes: record.internalAttributes,
      externalAttributes: record.externalAttributes,
      zip64: record.zip64,
      dataDescriptorLength: local.dataDescriptorLength,
    });
  }
  checkOverlaps(entries, end.centralDirectoryOffset);
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  return {
    source,
    entries,
    centralDirectoryOffset: end.centralDirectoryOffset,
    centralDirectorySize: end.centralDirectorySize,
    zip64: end.zip64,
    comment: end.comment,
    getEntry: (name) => byName.get(name),
    close: async () => {
      await source.close?.();
    },
  };
}
