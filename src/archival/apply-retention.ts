import type { ContainerClient } from '@azure/storage-blob';
import { hasStatus } from '../storage/errors';
import type { ArchiveNaming, RetentionPolicy } from './archive-job';
import { listArchives } from './archive-listing';
import { planRetention, type RetentionDeletion } from './retention';

/** Input of the applyArchiveRetention activity (JSON: it crosses the durable history). */
export interface ApplyRetentionInput {
  readonly job: string;
  readonly accountUrl: string;
  readonly container: string;
  readonly prefix: string;
  readonly database: string;
  readonly retention: RetentionPolicy;
  /** ISO instant retention ages are measured at (the orchestration's clock). */
  readonly now: string;
  /** The archive the run just wrote: never deleted. */
  readonly protect: string;
}

export interface RetentionOutcome {
  readonly deleted: readonly RetentionDeletion[];
  /** Archives kept, newest first. */
  readonly kept: readonly string[];
}

/**
 * Lists the job's archives, plans retention (planRetention) and deletes what it selects, one blob at a
 * time with its snapshots, logging each deletion. A blob already gone counts as deleted, so running it
 * again after a lost reply deletes nothing new and reports the same plan.
 */
export async function applyRetention(
  container: ContainerClient,
  input: ApplyRetentionInput,
  log: (message: string) => void = () => undefined,
): Promise<RetentionOutcome> {
  const naming: ArchiveNaming = { prefix: input.prefix, database: input.database };
  const listed = await listArchives(container, naming);
  const plan = planRetention(
    listed.map((a) => ({ name: a.name, lastModified: new Date(a.lastModified) })),
    naming,
    input.retention,
    new Date(input.now),
    input.protect,
  );
  for (const deletion of plan.delete) {
    await container.deleteBlob(deletion.name, { deleteSnapshots: 'include' }).catch((error: unknown) => {
      if (!hasStatus(error, 404)) throw error;
    });
    log(
      `archive job ${input.job}: deleted ${container.containerName}/${deletion.name} (archived ${deletion.archivedAt}; ${deletion.reason})`,
    );
  }
  return { deleted: plan.delete, kept: plan.keep };
}
