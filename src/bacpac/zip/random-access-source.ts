import { open } from 'node:fs/promises';
import { ZipErrorCode, zipError } from './error-codes';

/**
 * Bytes that can be read at any offset: a local file, a blob read by ranges, or a buffer. `read` returns
 * exactly `length` bytes from `offset`; callers never ask past `size`.
 */
export interface RandomAccessSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close?(): Promise<void>;
}

/** A source over a local file, read through one fs.promises FileHandle. */
export async function fileSource(path: string): Promise<RandomAccessSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset: number, length: number): Promise<Buffer> {
        const buffer = Buffer.alloc(length);
        let filled = 0;
        while (filled < length) {
          const { bytesRead } = await handle.read(buffer, filled, length - filled, offset + filled);
          if (bytesRead === 0) {
            throw zipError(
              ZipErrorCode.Truncated,
              `${path}: expected ${length} bytes at offset ${offset}, the file ended after ${filled}`,
              { path },
            );
          }
          filled += bytesRead;
        }
        return buffer;
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** A source over bytes already in memory (small archives, tests). */
export function bufferSource(bytes: Buffer): RandomAccessSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Buffer> {
      if (offset < 0 || offset + length > bytes.length) {
        return Promise.reject(
          zipError(
            ZipErrorCode.Truncated,
            `expected ${length} bytes at offset ${offset}, the buffer holds ${bytes.length}`,
          ),
        );
      }
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}
