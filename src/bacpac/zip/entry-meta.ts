import { METHOD_DEFLATE, METHOD_STORE } from './constants';
import { ZipErrorCode, zipError } from './error-codes';

/** How an entry's bytes are stored: deflated (method 8) or as they are (method 0). */
export type ZipMethod = 'store' | 'deflate';

/**
 * Everything the writer needs to know about an entry to lay out its headers and the central directory,
 * without seeing its data. `compressedSize` is the number of bytes stored in the archive.
 */
export interface ZipEntryMeta {
  /** Entry name, printable ASCII (OPC part names are URI-escaped by the caller). */
  readonly name: string;
  readonly method: ZipMethod;
  /** CRC-32 of the uncompressed bytes, as an unsigned 32-bit integer. */
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Last modification time; written as MS-DOS local-time fields. */
  readonly modified: Date;
}

export function methodCode(method: ZipMethod): number {
  return method === 'deflate' ? METHOD_DEFLATE : METHOD_STORE;
}

function checkSize(meta: ZipEntryMeta, field: 'compressedSize' | 'uncompressedSize'): void {
  const value = meta[field];
  if (!Number.isSafeInteger(value) || value < 0) {
    throw zipError(
      ZipErrorCode.BadEntry,
      `entry "${meta.name}": ${field} is ${String(value)}; expected a non-negative safe integer`,
      { entry: meta.name },
    );
  }
}

/** Refuses metadata that cannot describe a real entry, naming the entry and the field. */
export function validateEntryMeta(meta: ZipEntryMeta): void {
  if (meta.method !== 'store' && meta.method !== 'deflate') {
    throw zipError(
      ZipErrorCode.BadEntry,
      `entry "${meta.name}": method is ${JSON.stringify(meta.method)}; expected "store" or "deflate"`,
      { entry: meta.name },
    );
  }
  if (!Number.isInteger(meta.crc32) || meta.crc32 < 0 || meta.crc32 > 0xffffffff) {
    throw zipError(
      ZipErrorCode.BadEntry,
      `entry "${meta.name}": crc32 is ${String(meta.crc32)}; expected an unsigned 32-bit integer`,
      { entry: meta.name },
    );
  }
  checkSize(meta, 'compressedSize');
  checkSize(meta, 'uncompressedSize');
  if (meta.method === 'store' && meta.compressedSize !== meta.uncompressedSize) {
    throw zipError(
      ZipErrorCode.BadEntry,
      `entry "${meta.name}": stored entry has compressedSize ${meta.compressedSize} and uncompressedSize ` +
        `${meta.uncompressedSize}; a stored entry's sizes must be equal`,
      { entry: meta.name },
    );
  }
  if (!(meta.modified instanceof Date) || Number.isNaN(meta.modified.getTime())) {
    throw zipError(ZipErrorCode.BadEntry, `entry "${meta.name}": modified is not a valid Date`, {
      entry: meta.name,
    });
  }
}
