import type { ContainerClient } from '@azure/storage-blob';
import type { ArchiveNaming } from './archive-job';
import { archiveListPrefix, archiveTimeOf } from './archive-naming';

export interface ArchiveBlob {
  readonly name: string;
  /** ISO instant from the blob name (the scheduled time of the run that wrote it). */
  readonly archivedAt: string;
  readonly lastModified: string;
  readonly sizeBytes: number;
}

/**
 * The job's archives in its target container, newest first: blobs listed under the job's name prefix
 * whose names follow its pattern exactly. A missing container holds no archives.
 */
export async function listArchives(
  container: ContainerClient,
  naming: ArchiveNaming,
): Promise<ArchiveBlob[]> {
  const found: ArchiveBlob[] = [];
  try {
    for await (const item of container.listBlobsFlat({ prefix: archiveListPrefix(naming) })) {
      const time = archiveTimeOf(naming, item.name);
      if (time === undefined) continue;
      found.push({
        name: item.name,
        archivedAt: time.toISOString(),
        lastModified: item.properties.lastModified.toISOString(),
        sizeBytes: item.properties.contentLength ?? 0,
      });
    }
  } catch (error) {
    if ((error as { statusCode?: unknown }).statusCode === 404) return [];
    throw error;
  }
  return found.sort((a, b) => (a.archivedAt < b.archivedAt ? 1 : a.archivedAt > b.archivedAt ? -1 : 0));
}
