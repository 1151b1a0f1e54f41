/** Registered names of the orchestrations (the activities' names are in contracts.ts). */
export const OrchestratorNames = {
  /** The export pipeline: plan, export parts, assemble and commit, clean up. */
  exportBacpac: 'exportBacpac',
  /** One batch of data parts, run as a sub-orchestration so no single history grows unbounded. */
  exportPartsBatch: 'exportPartsBatch',
  /** Deletes a cancelled run's staging blobs again after a grace period. */
  cleanupCancelledRun: 'cleanupCancelledRun',
} as const;
