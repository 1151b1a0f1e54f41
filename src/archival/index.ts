export { ArchivalError } from './archival-error';
export { ArchivalNames } from './archival-names';
export type { ArchivalClient, ArchivalRuntime } from './archival-runtime';
export type { ArchiveJob, ArchiveNaming, ArchiveTarget, RetentionPolicy } from './archive-job';
export { archiveBlobName, archiveTimeOf, archiveNamingProblems, formatArchiveStamp } from './archive-naming';
export { archiveInstanceId, exportInstanceId, parseArchiveInstanceId, slotOf } from './archive-slot';
export { parseArchiveJobs, type ArchiveJobsContext } from './parse-archive-jobs';
export { parseArchiveSchedule, scheduledTimeOf } from './archive-schedule';
export { parseNcrontab, type NcrontabSchedule } from './ncrontab';
export { nextOccurrence, previousOccurrence } from './ncrontab-occurrence';
export { planRetention, type ListedBlob, type RetentionDeletion, type RetentionPlan } from './retention';
export { applyRetention, type ApplyRetentionInput, type RetentionOutcome } from './apply-retention';
export { listArchives, type ArchiveBlob } from './archive-listing';
export {
  historyBlobName,
  latestRunRecords,
  readRunRecord,
  writeRunRecord,
  type ArchiveRunRecord,
  type ArchiveOutcome,
} from './archive-history';
export { archiveBacpacOrchestrator } from './archive-orchestrator';
export {
  archiveExportRequest,
  archiveOrchestrationInput,
  type ArchiveOrchestrationInput,
} from './archive-run-input';
export { startDueArchives, type SlotDecision } from './start-due-archives';
export { runArchiveLocally, type LocalArchiveOptions } from './run-archive-locally';
export { describeArchives, type ArchivesDocument, type ArchiveJobDocument } from './describe-archives';
export { getArchives } from './list-archives-handler';
export { createArchivalRuntime, type ArchivalSettings } from './create-archival-runtime';
