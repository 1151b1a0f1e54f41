import { VERSION_DEFLATE, VERSION_ZIP64 } from './constants';
import type { DosDateTime } from './dos-time';

/**
 * The per-entry values shared by an entry's local header and its central directory header, already
 * encoded (name bytes, method code, DOS time) and with the ZIP64 decision taken.
 */
export interface EntryRecordFields {
  readonly nameBytes: Buffer;
  readonly methodCode: number;
  readonly dos: DosDateTime;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** When set, sizes (and in the central directory the offset) live in a ZIP64 extra field. */
  readonly zip64: boolean;
}

export function versionNeeded(fields: EntryRecordFields): number {
  return fields.zip64 ? VERSION_ZIP64 : VERSION_DEFLATE;
}
