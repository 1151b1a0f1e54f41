import { clockText, dayNumber, dayText, LAST_DAY, offsetText, pad } from './civil-date';
import type { Rng } from './prng';

/**
 * Random date and time values in exactly the text the BCP codec gives back when it decodes them
 * (src/bacpac/bcp/types.ts): fixed fraction widths per scale, datetime milliseconds that are whole
 * 1/300 s ticks, smalldatetime on whole minutes.
 */

const SECONDS_PER_DAY = 86_400;
const DATETIME_FIRST_DAY = dayNumber(1753, 1, 1);
const SMALLDATETIME_FIRST_DAY = dayNumber(1900, 1, 1);
const SMALLDATETIME_LAST_DAY = dayNumber(2079, 6, 6);

/** A 7-digit fraction of a second (100 ns units). */
function fraction7(rng: Rng): string {
  return pad(rng.int(0, 9_999_999), 7);
}

/** A day mostly in recent decades, sometimes anywhere in [first, last]. */
function someDay(rng: Rng, first: number, last: number): number {
  const recentFirst = Math.max(first, dayNumber(1990, 1, 1));
  const recentLast = Math.min(last, dayNumber(2035, 12, 31));
  return rng.chance(0.8) && recentFirst <= recentLast
    ? rng.int(recentFirst, recentLast)
    : rng.int(first, last);
}

export function randomDate(rng: Rng): string {
  return dayText(someDay(rng, 0, LAST_DAY));
}

/** time(7) when scale is 7, time(0) when 0. */
export function randomTime(rng: Rng, scale: 0 | 7): string {
  const clock = clockText(rng.int(0, SECONDS_PER_DAY - 1));
  return scale === 0 ? clock : `${clock}.${fraction7(rng)}`;
}

/** datetime2(7) or datetime2(0). */
export function randomDatetime2(rng: Rng, scale: 0 | 7): string {
  return `${randomDate(rng)} ${randomTime(rng, scale)}`;
}

/**
 * datetimeoffset(7): local time and an offset from -14:00 to +14:00 in quarter hours. Days one
 * away from the range ends are left out so the UTC instant stays inside 0001-01-01..9999-12-31.
 */
export function randomDatetimeoffset(rng: Rng): string {
  const day = someDay(rng, 1, LAST_DAY - 1);
  const offset = rng.int(-56, 56) * 15;
  return `${dayText(day)} ${randomTime(rng, 7)} ${offsetText(offset)}`;
}

/** datetime: 1753-01-01..9999-12-31, milliseconds of a whole 1/300 s tick (.000, .003, .007, ...). */
export function randomDatetime(rng: Rng): string {
  const day = someDay(rng, DATETIME_FIRST_DAY, LAST_DAY);
  const tick = rng.int(0, 299);
  return `${dayText(day)} ${clockText(rng.int(0, SECONDS_PER_DAY - 1))}.${pad(Math.round((tick * 10) / 3), 3)}`;
}

/** smalldatetime: 1900-01-01..2079-06-06, whole minutes. */
export function randomSmalldatetime(rng: Rng): string {
  const day = someDay(rng, SMALLDATETIME_FIRST_DAY, SMALLDATETIME_LAST_DAY);
  return `${dayText(day)} ${clockText(rng.int(0, 1439) * 60)}`;
}
