import type { ContainerClient } from '@azure/storage-blob';
import { hasStatus, StorageError } from './errors';

export interface PrefixCleanupOptions {
  /** Delete requests in flight at once. Default 8. */
  readonly concurrency?: number;
  /** Blobs listed per page. Default 1000 (the service maximum). */
  readonly pageSize?: number;
}

/**
 * Deletes every blob whose name starts with `prefix` (with its snapshots) and returns how many were
 * deleted. The listing is paged; each page is deleted, at most `concurrency` requests at a time, before
 * the next page is fetched. A blob already gone is not counted. The prefix must not be empty, so a
 * mistake cannot empty a whole container.
 */
export async function deleteBlobsWithPrefix(
  container: ContainerClient,
  prefix: string,
  options: PrefixCleanupOptions = {},
): Promise<number> {
  if (prefix === '') {
    throw new StorageError(
      'STORAGE_INVALID_NAME',
      `${container.containerName}: refusing to delete with an empty prefix`,
    );
  }
  const concurrency = Math.max(1, options.concurrency ?? 8);
  let deleted = 0;
  const pages = container.listBlobsFlat({ prefix }).byPage({ maxPageSize: options.pageSize ?? 1000 });
  for await (const page of pages) {
    const names = page.segment.blobItems.map((item) => item.name);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const name = names[next++]!;
        const response = await container.deleteBlob(name, { deleteSnapshots: 'include' }).then(
          () => true,
          (error: unknown) => {
            if (hasStatus(error, 404)) return false;
            throw error;
          },
        );
        if (response) deleted += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
  }
  return deleted;
}
