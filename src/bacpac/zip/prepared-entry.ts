import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ZipEntryMeta, ZipMethod } from './entry-meta';

/**
 * An entry ready to be written: its metadata plus a way to open the bytes to store (already
 * compressed for 'deflate'). `open()` is called once, when the writer reaches the entry.
 */
export interface PreparedEntry extends ZipEntryMeta {
  open(): Readable;
}

/**
 * Prepares a small part held in memory (model.xml, Origin.xml, the OPC parts): compresses it now and
 * keeps the stored bytes for `open()`.
 */
export function prepareBufferEntry(
  name: string,
  bytes: Buffer,
  method: ZipMethod,
  level: number | undefined,
  modified: Date,
): PreparedEntry {
  const stored =
    method === 'deflate' ? zlib.deflateRawSync(bytes, level === undefined ? {} : { level }) : bytes;
  return {
    name,
    method,
    crc32: zlib.crc32(bytes),
    compressedSize: stored.length,
    uncompressedSize: bytes.length,
    modified,
    open: () => Readable.from([stored], { objectMode: false }),
  };
}
