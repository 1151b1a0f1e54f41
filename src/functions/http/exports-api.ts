import type { ContainerClient } from '@azure/storage-blob';
import type { DurableClient } from 'durable-functions';
import type { AllowList } from '../../api/allow-list';
import type { ExportTargetSpec } from '../../api/export-request';
import type { RequestDefaults } from '../../api/parse-export-request';
import type { PipelineSettings } from '../../orchestration/orchestration-input';

/** The subset of the durable client the export API uses (tests pass an in-memory one). */
export type ExportsClient = Pick<
  DurableClient,
  'startNew' | 'getStatus' | 'getStatusBy' | 'terminate' | 'createHttpManagementPayload'
>;

/** Everything the export HTTP handlers need besides the request and the durable client. */
export interface ExportsApi {
  readonly defaults: RequestDefaults;
  readonly allowList: AllowList;
  readonly pipeline: PipelineSettings;
  readonly cancelGraceSeconds: number;
  /** The staging container in the app storage account. */
  readonly staging: ContainerClient;
  /** The container a target names, reached with the app's credentials. */
  targetContainer(target: ExportTargetSpec): ContainerClient;
  /** Whether an app setting with this name is defined (connection settings must exist). */
  hasSetting(name: string): boolean;
  /** A new run id: letters, digits and hyphens (the staging prefix). */
  newRunId(): string;
}
