import { deflateRawSync, crc32 } from 'node:zlib';
import type { ZipEntryMeta, ZipMethod } from '../bacpac/zip';
import { layoutZip } from '../bacpac/zip';
import type { ArchivePiece } from '../storage/bacpac-target';

/**
 * An entry of the final archive: bytes made here, a file already stored (compressed) in staging, or
 * a data part already staged as uncommitted blocks of the target blob.
 */
export type ArchiveEntry =
  | { readonly kind: 'bytes'; readonly meta: ZipEntryMeta; readonly stored: Buffer }
  | { readonly kind: 'staged'; readonly meta: ZipEntryMeta; readonly name: string }
  | {
      readonly kind: 'target-blocks';
      readonly meta: ZipEntryMeta;
      readonly runTag: string;
      readonly partIndex: number;
      readonly blockCount: number;
    };

/** A small part made in memory (Origin.xml, DacMetadata.xml, the OPC parts), compressed now. */
export function bytesEntry(
  name: string,
  content: Buffer,
  method: ZipMethod,
  level: number | undefined,
  modified: Date,
): ArchiveEntry {
  const stored =
    method === 'deflate' ? deflateRawSync(content, level === undefined ? {} : { level }) : content;
  return {
    kind: 'bytes',
    meta: {
      name,
      method,
      crc32: crc32(content),
      compressedSize: stored.length,
      uncompressedSize: content.length,
      modified,
    },
    stored,
  };
}

/**
 * Lays the archive out from entry metadata alone and returns it as pieces in order: each local
 * header, each entry's stored bytes (or a reference to its staged file), then the central directory
 * and end records. The target writes or copies the pieces; nothing here touches part data.
 */
export function archivePieces(
  entries: readonly ArchiveEntry[],
  options?: { forceZip64?: boolean },
): {
  pieces: ArchivePiece[];
  totalSize: number;
} {
  const layout = layoutZip(
    entries.map((e) => e.meta),
    options,
  );
  const pieces: ArchivePiece[] = [];
  layout.entries.forEach((laidOut, i) => {
    const entry = entries[i]!;
    pieces.push({ kind: 'bytes', data: laidOut.localHeader });
    pieces.push(storedPiece(entry));
  });
  pieces.push({ kind: 'bytes', data: layout.trailer });
  return { pieces, totalSize: layout.totalSize };
}

function storedPiece(entry: ArchiveEntry): ArchivePiece {
  switch (entry.kind) {
    case 'bytes':
      return { kind: 'bytes', data: entry.stored };
    case 'staged':
      return { kind: 'staged', name: entry.name, size: entry.meta.compressedSize };
    case 'target-blocks':
      return {
        kind: 'target-blocks',
        runTag: entry.runTag,
        partIndex: entry.partIndex,
        blockCount: entry.blockCount,
        size: entry.meta.compressedSize,
      };
  }
}
