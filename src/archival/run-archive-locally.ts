import type { ContainerClient } from '@azure/storage-blob';
import type { ExportEnvironment } from '../activities';
import { codedMessageOf } from '../orchestration/coded-error';
import { runExportLocally } from '../runner/run-export';
import { applyRetention } from './apply-retention';
import { writeRunRecord, type ArchiveRunRecord } from './archive-history';
import type { ArchiveJob } from './archive-job';
import { archiveExportRequest, archiveRunIds, retentionInputOf } from './archive-run-input';

export interface LocalArchiveOptions {
  /** The export's run id (its staging prefix). */
  readonly runId: string;
  /** The job's target container (retention lists and deletes there). */
  readonly target: ContainerClient;
  /** Where the run's history record is written; none when absent. */
  readonly history?: ContainerClient;
  /** The clock retention measures ages with; `env.now` when absent. */
  readonly now?: () => Date;
  readonly log?: (message: string) => void;
}

/**
 * One archive run in this process, as the archiveBacpac orchestration runs it durably: the export
 * (runExportLocally), then, only when it succeeded, retention, then the history record. A failed export
 * is recorded and rethrown.
 */
export async function runArchiveLocally(
  job: ArchiveJob,
  scheduledTime: Date,
  env: ExportEnvironment,
  options: LocalArchiveOptions,
): Promise<ArchiveRunRecord> {
  const now = options.now ?? (() => env.now());
  const request = archiveExportRequest(job, scheduledTime);
  const base: ArchiveRunRecord = {
    job: job.name,
    ...archiveRunIds(job, scheduledTime),
    scheduledTime: scheduledTime.toISOString(),
    startedAt: now().toISOString(),
    outcome: 'started',
    blob: request.target.blobName,
  };
  const save = async (record: ArchiveRunRecord): Promise<ArchiveRunRecord> => {
    if (options.history !== undefined) await writeRunRecord(options.history, record);
    return record;
  };
  await save(base);
  let result;
  try {
    result = await runExportLocally(request, env, { runId: options.runId });
  } catch (error) {
    const { code, message } = codedMessageOf(error, 'EXPORT_FAILED');
    await save({
      ...base,
      outcome: 'failed',
      finishedAt: now().toISOString(),
      error: `[${code}] ${message}`,
    });
    throw error;
  }
  const retention = await applyRetention(
    options.target,
    { ...retentionInputOf(job), now: now().toISOString(), protect: request.target.blobName },
    options.log,
  );
  return save({
    ...base,
    outcome: 'succeeded',
    finishedAt: now().toISOString(),
    blobUrl: result.blobUrl,
    sizeBytes: result.sizeBytes,
    rows: result.rows,
    deletions: retention.deleted,
  });
}
