import type { ContainerClient } from '@azure/storage-blob';
import type { DurableClient } from 'durable-functions';
import type { PipelineSettings } from '../orchestration/orchestration-input';
import type { ArchiveJob, ArchiveTarget } from './archive-job';
import type { NcrontabSchedule } from './ncrontab';

/** What the archival timer, activities and API need: validated settings and storage access. */
export interface ArchivalRuntime {
  /** Undefined when BACPAC_ARCHIVE_SCHEDULE is unset (archival disabled). */
  readonly schedule?: NcrontabSchedule;
  readonly jobs: readonly ArchiveJob[];
  /** Container in the app storage account holding `archive-history/`. */
  readonly history: ContainerClient;
  readonly pipeline: PipelineSettings;
  /** A job's target container, reached with the app's credentials. */
  targetContainer(target: Pick<ArchiveTarget, 'accountUrl' | 'container'>): ContainerClient;
  /** A new export run id (the staging prefix). */
  newRunId(): string;
}

/** The subset of the durable client archival uses (tests pass an in-memory one). */
export type ArchivalClient = Pick<DurableClient, 'startNew' | 'getStatus' | 'getStatusBy'>;
