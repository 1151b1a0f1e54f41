/**
 * Slots: one per job and scheduled minute. The archive orchestration of a slot has the instance id
 * `archive-<job>-<yyyyMMddHHmm>` (UTC, from the timer's scheduled time), so a retried or duplicated
 * firing for the same occurrence finds the instance already there and starts nothing.
 */

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `yyyyMMddHHmm` of the scheduled time, in UTC. */
export function slotOf(scheduledTime: Date): string {
  return (
    `${pad(scheduledTime.getUTCFullYear(), 4)}${pad(scheduledTime.getUTCMonth() + 1)}` +
    `${pad(scheduledTime.getUTCDate())}${pad(scheduledTime.getUTCHours())}${pad(scheduledTime.getUTCMinutes())}`
  );
}

export function archiveInstanceId(job: string, slot: string): string {
  return `archive-${job}-${slot}`;
}

/** The export sub-orchestration of an archive run. */
export function exportInstanceId(archiveInstance: string): string {
  return `${archiveInstance}-export`;
}

const INSTANCE = /^archive-([a-z0-9-]+)-(\d{12})$/;

/** The job and slot of an archive instance id, or undefined for any other id. */
export function parseArchiveInstanceId(id: string): { job: string; slot: string } | undefined {
  const m = INSTANCE.exec(id);
  return m === null ? undefined : { job: m[1]!, slot: m[2]! };
}
