import type { OrchestrationRuntimeStatus } from 'durable-functions';
import { latestRunRecords, type ArchiveRunRecord } from './archive-history';
import { namingOf, type RetentionPolicy } from './archive-job';
import { listArchives, type ArchiveBlob } from './archive-listing';
import { archiveListPrefix } from './archive-naming';
import type { ArchivalClient, ArchivalRuntime } from './archival-runtime';
import { isUnknownInstance } from './instance-state';
import { nextOccurrence } from './ncrontab-occurrence';

/** The GET /api/archives document. */
export interface ArchivesDocument {
  /** False when BACPAC_ARCHIVE_SCHEDULE is unset: the timer is not registered. */
  readonly enabled: boolean;
  readonly schedule?: string;
  readonly jobs: readonly ArchiveJobDocument[];
}

export interface ArchiveJobDocument {
  readonly name: string;
  readonly source: { readonly server: string; readonly database: string };
  readonly target: {
    readonly accountUrl: string;
    readonly container: string;
    readonly prefix: string;
    /** `<prefix><database>-<yyyyMMddTHHmmssZ>.bacpac` */
    readonly pattern: string;
  };
  readonly retention: RetentionPolicy;
  /** The newest history record (any outcome); a started run also carries its live runtime status. */
  readonly lastRun?: ArchiveRunRecord & { readonly runtimeStatus?: OrchestrationRuntimeStatus | 'Unknown' };
  /** The newest record that finished: succeeded or failed. */
  readonly lastResult?: ArchiveRunRecord;
  /** ISO instant of the next timer occurrence after now (UTC). */
  readonly nextRun?: string;
  /** The archives kept in the target, newest first. */
  readonly archives: readonly ArchiveBlob[];
}

/** How many of a job's newest history records are read to find its last finished run. */
const RECORDS_SCANNED = 20;

async function liveStatus(
  client: ArchivalClient,
  instanceId: string,
): Promise<OrchestrationRuntimeStatus | 'Unknown'> {
  try {
    return (await client.getStatus(instanceId)).runtimeStatus;
  } catch (error) {
    if (isUnknownInstance(error)) return 'Unknown';
    throw error;
  }
}

export async function describeArchives(
  runtime: ArchivalRuntime,
  client: ArchivalClient,
  now: Date,
): Promise<ArchivesDocument> {
  const nextRun = runtime.schedule === undefined ? undefined : nextOccurrence(runtime.schedule, now);
  const jobs = await Promise.all(
    runtime.jobs.map(async (job): Promise<ArchiveJobDocument> => {
      const naming = namingOf(job);
      const [records, archives] = await Promise.all([
        latestRunRecords(runtime.history, job.name, RECORDS_SCANNED),
        listArchives(runtime.targetContainer(job.target), naming),
      ]);
      const last = records[0];
      const lastResult = records.find((r) => r.outcome === 'succeeded' || r.outcome === 'failed');
      return {
        name: job.name,
        source: { server: job.source.server, database: job.source.database },
        target: {
          accountUrl: job.target.accountUrl,
          container: job.target.container,
          prefix: job.target.prefix,
          pattern: `${archiveListPrefix(naming)}<yyyyMMddTHHmmssZ>.bacpac`,
        },
        retention: job.retention,
        ...(last === undefined
          ? {}
          : {
              lastRun:
                last.outcome === 'started'
                  ? { ...last, runtimeStatus: await liveStatus(client, last.instanceId) }
                  : last,
            }),
        ...(lastResult === undefined ? {} : { lastResult }),
        ...(nextRun === undefined ? {} : { nextRun: nextRun.toISOString() }),
        archives,
      };
    }),
  );
  return {
    enabled: runtime.schedule !== undefined,
    ...(runtime.schedule === undefined ? {} : { schedule: runtime.schedule.expression }),
    jobs,
  };
}
