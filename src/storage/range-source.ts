import type { BlobClient } from '@azure/storage-blob';
import type { RandomAccessSource } from '../bacpac/zip/random-access-source';
import { hasStatus, StorageError } from './errors';

export type { RandomAccessSource };

/** Random access to a blob's bytes, in the ZIP reader's shape, so a BACPAC can be read straight from Blob Storage. */
export interface BlobRangeSource extends RandomAccessSource {
  /** The ETag every read is pinned to. */
  readonly etag: string;
}

/**
 * Opens `blob` for ranged reads. The size and ETag are taken once; each read is a Get Blob with a Range
 * header and `If-Match` on that ETag, so a blob replaced mid-read fails with STORAGE_SOURCE_CHANGED
 * instead of mixing bytes of two versions.
 */
export async function openBlobRangeSource(blob: BlobClient): Promise<BlobRangeSource> {
  const where = `${blob.containerName}/${blob.name}`;
  const properties = await blob.getProperties();
  const size = properties.contentLength ?? 0;
  const etag = properties.etag ?? '';

  async function read(offset: number, length: number): Promise<Buffer> {
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > size
    ) {
      throw new StorageError(
        'STORAGE_INVALID_RANGE',
        `${where}: cannot read ${length} bytes at offset ${offset} from a blob of ${size} bytes`,
      );
    }
    // A count of 0 would mean "to the end of the blob" to the service.
    if (length === 0) return Buffer.alloc(0);
    let response;
    try {
      response = await blob.download(offset, length, { conditions: { ifMatch: etag } });
    } catch (error) {
      if (hasStatus(error, 412)) {
        throw new StorageError(
          'STORAGE_SOURCE_CHANGED',
          `${where}: the blob changed while it was being read (ETag ${etag} no longer matches)`,
        );
      }
      throw error;
    }
    const body = response.readableStreamBody;
    if (body === undefined) throw new Error(`${where}: the service returned no body for a ranged read`);
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      chunks.push(bytes);
      received += bytes.length;
    }
    if (received !== length) {
      throw new StorageError(
        'STORAGE_INVALID_RANGE',
        `${where}: asked for ${length} bytes at offset ${offset}, received ${received}`,
      );
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
  }

  return { size, etag, read };
}
