/** Registered names of the archival orchestration and its activities. */
export const ArchivalNames = {
  /** One archive run: the export as a sub-orchestration, then retention, then the history record. */
  archiveBacpac: 'archiveBacpac',
  applyArchiveRetention: 'applyArchiveRetention',
  recordArchiveRun: 'recordArchiveRun',
} as const;
