import { ArchivalError } from './archival-error';
import { parseNcrontab, type NcrontabSchedule } from './ncrontab';
import { nextOccurrence, previousOccurrence } from './ncrontab-occurrence';

/**
 * BACPAC_ARCHIVE_SCHEDULE parsed and checked for archival: slots are per minute, so the schedule fires
 * at most once a minute (one value in the seconds field), and it must fire at all.
 */
export function parseArchiveSchedule(raw: string): NcrontabSchedule {
  let schedule: NcrontabSchedule;
  try {
    schedule = parseNcrontab(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^\[[A-Z_]+\] /, '') : String(error);
    throw new ArchivalError('ARCHIVE_SCHEDULE_INVALID', `BACPAC_ARCHIVE_SCHEDULE: ${message}`);
  }
  if (schedule.seconds.size !== 1) {
    throw new ArchivalError(
      'ARCHIVE_SCHEDULE_INVALID',
      `BACPAC_ARCHIVE_SCHEDULE: "${schedule.expression}" fires ${schedule.seconds.size} times a minute; archive slots are per minute, so the seconds field must be a single value such as 0`,
    );
  }
  if (nextOccurrence(schedule, new Date(Date.UTC(2000, 0, 1))) === undefined) {
    throw new ArchivalError(
      'ARCHIVE_SCHEDULE_INVALID',
      `BACPAC_ARCHIVE_SCHEDULE: "${schedule.expression}" never fires`,
    );
  }
  return schedule;
}

/** Tolerance for a firing that arrives slightly before its occurrence (clock skew between hosts). */
const EARLY_TOLERANCE_MS = 1_000;
/** How far ahead of now the host's "next" may be and still name the occurrence being fired. */
const HOST_NEXT_TOLERANCE_MS = 60_000;

/**
 * The occurrence a timer firing stands for. The host reports it as `scheduleStatus.next` during the
 * invocation; when that is missing or is not an occurrence at or just after now, it is the latest
 * occurrence at or before now (a past-due firing stands for the occurrence it missed).
 */
export function scheduledTimeOf(schedule: NcrontabSchedule, now: Date, hostNext?: string): Date {
  if (hostNext !== undefined) {
    const next = new Date(hostNext);
    const time = next.getTime();
    if (
      !Number.isNaN(time) &&
      time <= now.getTime() + HOST_NEXT_TOLERANCE_MS &&
      previousOccurrence(schedule, next)?.getTime() === time
    ) {
      return next;
    }
  }
  const previous = previousOccurrence(schedule, new Date(now.getTime() + EARLY_TOLERANCE_MS));
  if (previous === undefined) {
    throw new ArchivalError(
      'ARCHIVE_SCHEDULE_INVALID',
      `BACPAC_ARCHIVE_SCHEDULE: "${schedule.expression}" has no occurrence before ${now.toISOString()}`,
    );
  }
  return previous;
}
