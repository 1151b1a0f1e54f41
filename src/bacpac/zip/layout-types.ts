import type { ZipEntryMeta } from './entry-meta';

/** Options and results of laying out an archive from entry metadata (see layout-builder.ts). */
export interface ZipLayoutOptions {
  /** Give every entry ZIP64 fields and write the ZIP64 end records even when nothing needs them. */
  readonly forceZip64?: boolean;
  /** File offset at which the first local header starts (bytes written before the archive); default 0. */
  readonly startOffset?: number;
}

/** Where one entry goes: its local header bytes, then `compressedSize` data bytes from `dataOffset`. */
export interface ZipEntryLayout {
  readonly meta: ZipEntryMeta;
  readonly zip64: boolean;
  readonly localHeaderOffset: number;
  readonly localHeader: Buffer;
  readonly dataOffset: number;
  /** Offset just past the entry's data: where the next local header (or the central directory) starts. */
  readonly dataEnd: number;
}

/** The bytes after the last entry's data: central directory, ZIP64 records if used, end record. */
export interface ZipTrailerLayout {
  readonly entryCount: number;
  readonly centralDirectoryOffset: number;
  readonly centralDirectorySize: number;
  readonly zip64: boolean;
  readonly trailer: Buffer;
  /** Offset just past the end record: the archive's size when it starts at offset 0. */
  readonly totalSize: number;
}

export interface ZipLayout extends ZipTrailerLayout {
  readonly entries: readonly ZipEntryLayout[];
}
