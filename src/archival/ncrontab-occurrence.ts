import type { NcrontabSchedule } from './ncrontab';

/**
 * Occurrences of an NCRONTAB schedule in UTC, searched field by field from the largest unit down: a
 * month that does not match skips to the next (or previous) month, a day to the next day, and so on.
 * A schedule that can never fire (`0 0 0 30 2 *`) yields undefined once the search passes its horizon.
 */

const SEARCH_YEARS = 30;
const HORIZON_MS = SEARCH_YEARS * 366 * 86_400_000;

/** Why a time does not match, or undefined when it matches; the largest mismatching unit wins. */
function mismatch(
  schedule: NcrontabSchedule,
  d: Date,
): 'month' | 'day' | 'hour' | 'minute' | 'second' | undefined {
  if (!schedule.months.has(d.getUTCMonth() + 1)) return 'month';
  if (!schedule.days.has(d.getUTCDate()) || !schedule.daysOfWeek.has(d.getUTCDay())) return 'day';
  if (!schedule.hours.has(d.getUTCHours())) return 'hour';
  if (!schedule.minutes.has(d.getUTCMinutes())) return 'minute';
  if (!schedule.seconds.has(d.getUTCSeconds())) return 'second';
  return undefined;
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(schedule: NcrontabSchedule, after: Date): Date | undefined {
  let t = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  const limit = after.getTime() + HORIZON_MS;
  while (t <= limit) {
    const d = new Date(t);
    const [y, mo, day, h, mi] = [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    ];
    switch (mismatch(schedule, d)) {
      case undefined:
        return d;
      case 'month':
        t = Date.UTC(y, mo + 1, 1);
        break;
      case 'day':
        t = Date.UTC(y, mo, day + 1);
        break;
      case 'hour':
        t = Date.UTC(y, mo, day, h + 1);
        break;
      case 'minute':
        t = Date.UTC(y, mo, day, h, mi + 1);
        break;
      case 'second':
        t += 1000;
        break;
    }
  }
  return undefined;
}

/** The latest occurrence at or before `at`. */
export function previousOccurrence(schedule: NcrontabSchedule, at: Date): Date | undefined {
  let t = Math.floor(at.getTime() / 1000) * 1000;
  const limit = at.getTime() - HORIZON_MS;
  while (t >= limit) {
    const d = new Date(t);
    const [y, mo, day, h, mi] = [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    ];
    switch (mismatch(schedule, d)) {
      case undefined:
        return d;
      case 'month':
        t = Date.UTC(y, mo, 1) - 1000;
        break;
      case 'day':
        t = Date.UTC(y, mo, day) - 1000;
        break;
      case 'hour':
        t = Date.UTC(y, mo, day, h) - 1000;
        break;
      case 'minute':
        t = Date.UTC(y, mo, day, h, mi) - 1000;
        break;
      case 'second':
        t -= 1000;
        break;
    }
  }
  return undefined;
}
