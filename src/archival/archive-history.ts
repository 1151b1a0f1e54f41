import type { ContainerClient } from '@azure/storage-blob';
import { hasStatus } from '../storage/errors';
import type { RetentionDeletion } from './retention';

/**
 * The archive history: one small JSON record per job and slot, kept in the app storage account at
 * `archive-history/<job>/<key>-<slot>.json` where `<key>` is 999999999999 minus the slot, so a plain
 * listing returns a job's newest run first and the newest few are read with one small page.
 */
export type ArchiveOutcome = 'started' | 'succeeded' | 'failed' | 'skipped';

export interface ArchiveRunRecord {
  readonly job: string;
  /** `yyyyMMddHHmm`, UTC. */
  readonly slot: string;
  readonly instanceId: string;
  /** ISO instant of the timer occurrence. */
  readonly scheduledTime: string;
  /** ISO instant the timer handled the slot. */
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly outcome: ArchiveOutcome;
  /** Target blob name of the archive. */
  readonly blob?: string;
  readonly blobUrl?: string;
  readonly sizeBytes?: number;
  readonly rows?: string;
  readonly deletions?: readonly RetentionDeletion[];
  /** `[CODE] message` when retention failed after a successful export (the archive is kept). */
  readonly retentionError?: string;
  /** `[CODE] message` of a failed run. */
  readonly error?: string;
  readonly skippedReason?: string;
  /** The running instance that made this slot skip. */
  readonly blockedBy?: string;
}

export const HISTORY_PREFIX = 'archive-history/';
const KEY_BASE = 999_999_999_999;

export function historyBlobName(job: string, slot: string): string {
  const key = String(KEY_BASE - Number(slot)).padStart(12, '0');
  return `${HISTORY_PREFIX}${job}/${key}-${slot}.json`;
}

/** Writes (or replaces) the record of the record's job and slot. */
export async function writeRunRecord(container: ContainerClient, record: ArchiveRunRecord): Promise<void> {
  const text = JSON.stringify(record, null, 2);
  const upload = (): Promise<unknown> =>
    container
      .getBlockBlobClient(historyBlobName(record.job, record.slot))
      .upload(text, Buffer.byteLength(text), { blobHTTPHeaders: { blobContentType: 'application/json' } });
  try {
    await upload();
  } catch (error) {
    if (!hasStatus(error, 404)) throw error;
    // The first record of a new deployment: the container does not exist yet.
    await container.createIfNotExists();
    await upload();
  }
}

async function readRecord(container: ContainerClient, name: string): Promise<ArchiveRunRecord | undefined> {
  try {
    const buffer = await container.getBlobClient(name).downloadToBuffer();
    return JSON.parse(buffer.toString('utf8')) as ArchiveRunRecord;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}

export function readRunRecord(
  container: ContainerClient,
  job: string,
  slot: string,
): Promise<ArchiveRunRecord | undefined> {
  return readRecord(container, historyBlobName(job, slot));
}

/** Up to `count` of the job's newest records, newest first. A missing container holds none. */
export async function latestRunRecords(
  container: ContainerClient,
  job: string,
  count: number,
): Promise<ArchiveRunRecord[]> {
  const records: ArchiveRunRecord[] = [];
  try {
    const pages = container
      .listBlobsFlat({ prefix: `${HISTORY_PREFIX}${job}/` })
      .byPage({ maxPageSize: count });
    for await (const page of pages) {
      for (const item of page.segment.blobItems) {
        const record = await readRecord(container, item.name);
        if (record !== undefined) records.push(record);
      }
      break;
    }
  } catch (error) {
    if (hasStatus(error, 404)) return [];
    throw error;
  }
  return records;
}
