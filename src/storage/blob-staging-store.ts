import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hasStatus, StorageError } from './errors';
import { deleteBlobsWithPrefix } from './prefix-cleanup';
import { createReadSasUrl } from './sas';
import { createStagedBlobWriter } from './staging-writer';
import type { StagedWriter, StagingStore } from './staging-store';

/**
 * Staging in a blob container of the app storage account. Files are block blobs written through
 * staged blocks (bounded memory, see StagedBlobWriter) and committed only when complete; a failed
 * writer commits nothing. Writes replace earlier versions, so re-running a part is safe.
 */
export function createBlobStagingStore(service: BlobServiceClient, containerName: string): StagingStore {
  const container: ContainerClient = service.getContainerClient(containerName);
  let ensured: Promise<unknown> | undefined;
  const ensureContainer = (): Promise<unknown> => (ensured ??= container.createIfNotExists());

  return {
    location: containerName,
    async writeJson(name, value) {
      await ensureContainer();
      const body = Buffer.from(JSON.stringify(value), 'utf8');
      await container.getBlockBlobClient(name).upload(body, body.length, {
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    },
    async readJson<T>(name: string): Promise<T> {
      try {
        const bytes = await container.getBlobClient(name).downloadToBuffer();
        return JSON.parse(bytes.toString('utf8')) as T;
      } catch (err) {
        if (hasStatus(err, 404)) {
          throw new StorageError(
            'STAGING_MISSING',
            `${containerName}/${name}: the staged file does not exist`,
          );
        }
        throw err;
      }
    },
    async exists(name) {
      return container.getBlobClient(name).exists();
    },
    createWriter(name): StagedWriter {
      const input = new PassThrough();
      const committed = (async () => {
        await ensureContainer();
        const writer = createStagedBlobWriter(container.getBlockBlobClient(name), { overwrite: true });
        await pipeline(input, writer);
        return writer.committed?.bytesWritten ?? 0;
      })();
      committed.catch(() => input.destroy());
      return { stream: input, committed };
    },
    openReader(name, range): Readable {
      const output = new PassThrough();
      const blob = container.getBlobClient(name);
      blob
        .download(range?.offset ?? 0, range?.count)
        .then((response) => {
          const body = response.readableStreamBody;
          if (!body)
            throw new StorageError(
              'STAGING_MISSING',
              `${containerName}/${name}: the download returned no body`,
            );
          return pipeline(body, output);
        })
        .catch((err: unknown) => output.destroy(err instanceof Error ? err : new Error(String(err))));
      return output;
    },
    async deletePrefix(prefix) {
      try {
        return await deleteBlobsWithPrefix(container, prefix);
      } catch (err) {
        if (hasStatus(err, 404)) return 0;
        throw err;
      }
    },
    async copySourceUrl(name) {
      try {
        return await createReadSasUrl(container.getBlobClient(name), service);
      } catch {
        return undefined;
      }
    },
  };
}
