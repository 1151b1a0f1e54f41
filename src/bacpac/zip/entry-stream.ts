import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { BacpacError } from '../errors';
import { READ_BLOCK_SIZE } from './block-reader';
import { FLAG_ENCRYPTED, METHOD_DEFLATE, METHOD_STORE } from './constants';
import { ZipErrorCode, zipError } from './error-codes';
import type { ZipArchive } from './reader';
import type { ZipEntry } from './zip-entry';

const hex = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;

async function* readRange(zip: ZipArchive, start: number, length: number): AsyncGenerator<Buffer> {
  const end = start + length;
  for (let offset = start; offset < end; offset += READ_BLOCK_SIZE) {
    yield await zip.source.read(offset, Math.min(READ_BLOCK_SIZE, end - offset));
  }
}

/** The entry's stored bytes (compressed for method 8), read from the source in 1 MiB reads as they are consumed. */
export function openRawEntryStream(zip: ZipArchive, entry: ZipEntry): Readable {
  return Readable.from(readRange(zip, entry.dataOffset, entry.compressedSize), { objectMode: false });
}

/** Passes the decompressed bytes through, failing on the first byte past the declared size or a wrong CRC at the end. */
class EntryVerifier extends Transform {
  private crc = 0;
  private count = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.count += chunk.length;
    if (this.count > this.entry.uncompressedSize) {
      callback(this.sizeMismatch(`more than ${this.entry.uncompressedSize} (at least ${this.count})`));
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.count !== this.entry.uncompressedSize) {
      callback(this.sizeMismatch(String(this.count)));
    } else if (this.crc !== this.entry.crc32) {
      callback(
        zipError(
          ZipErrorCode.CrcMismatch,
          `entry "${this.entry.name}": the central directory records CRC-32 ${hex(this.entry.crc32)}, ` +
            `the ${this.count} decompressed bytes have ${hex(this.crc)}`,
          { entry: this.entry.name },
        ),
      );
    } else {
      callback();
    }
  }

  /** Errors of the inflater reach this stream through the pipeline; they are named for the entry here. */
  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    const code: unknown = err !== null && 'code' in err ? err.code : undefined;
    if (err !== null && !(err instanceof BacpacError) && typeof code === 'string' && code.startsWith('Z_')) {
      callback(
        zipError(
          ZipErrorCode.CorruptData,
          `entry "${this.entry.name}": its deflate data cannot be decoded (${err.message})`,
          { entry: this.entry.name, cause: err },
        ),
      );
      return;
    }
    callback(err);
  }

  private sizeMismatch(found: string): Error {
    return zipError(
      ZipErrorCode.SizeMismatch,
      `entry "${this.entry.name}": the central directory records ${this.entry.uncompressedSize} uncompressed ` +
        `bytes, decompressing gave ${found}`,
      { entry: this.entry.name },
    );
  }
}

/**
 * The entry's decompressed bytes, streamed: read from the source in 1 MiB reads, inflated for method 8,
 * and checked against the recorded uncompressed size and CRC-32 (ZIP_SIZE_MISMATCH, ZIP_CRC_MISMATCH,
 * ZIP_CORRUPT_DATA, each naming the entry; the error is emitted before 'end').
 */
export function openEntryStream(zip: ZipArchive, entry: ZipEntry): Readable {
  if (entry.flags & FLAG_ENCRYPTED || (entry.method !== METHOD_STORE && entry.method !== METHOD_DEFLATE)) {
    throw zipError(
      ZipErrorCode.UnsupportedMethod,
      `entry "${entry.name}": method ${entry.method}${entry.flags & FLAG_ENCRYPTED ? ', encrypted' : ''}; ` +
        'expected unencrypted stored (0) or deflated (8) data',
      { entry: entry.name },
    );
  }
  const verifier = new EntryVerifier(entry);
  const raw = openRawEntryStream(zip, entry);
  const done = (): void => {
    // Errors reach the consumer through `verifier`, which the pipeline destroys with them.
  };
  if (entry.method === METHOD_DEFLATE) {
    pipeline(raw, zlib.createInflateRaw(), verifier, done);
  } else {
    pipeline(raw, verifier, done);
  }
  return verifier;
}
