import type { ExportSourceSpec, ExportTargetSpec, Consistency } from '../api/export-request';
import type { ExportSource } from '../source/types';
import type { BacpacTarget } from '../storage/bacpac-target';
import type { StagingStore } from '../storage/staging-store';
import type { DatabaseCopyOps } from '../source/database-copy-ops';

/**
 * What the activities need from the world, passed in so the same activities run inside the
 * Functions host (blob staging, SQL Server, blob targets) and in-process from the command line
 * (a local staging folder, any source, a file or blob target).
 */
export interface ExportEnvironment {
  readonly staging: StagingStore;
  /** Opens the source a request names. Called once per activity; the activity closes it. */
  openSource(spec: ExportSourceSpec, options: { readonly consistency: Consistency }): Promise<ExportSource>;
  /** The target a request names. */
  openTarget(spec: ExportTargetSpec): BacpacTarget;
  /** The current time (Origin.xml start time, ZIP timestamps). */
  now(): Date;
  /** How often, at most, an export part looks for the cancel marker (default 2000 ms). */
  readonly cancelCheckIntervalMs?: number;
  /** Database copies for `consistency: "copy"`; without them such exports fail with [CONSISTENCY_UNSUPPORTED]. */
  readonly databaseCopies?: DatabaseCopyOps;
}
