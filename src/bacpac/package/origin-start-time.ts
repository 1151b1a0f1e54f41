import { BacpacError } from '../errors';

/**
 * `Operation/Start` is the local time the export started, in .NET's round-trip form: seven decimals and
 * the UTC offset, e.g. `2025-07-27T13:26:08.2445235+05:30`. A JS Date has millisecond precision, so the
 * last four decimals are zero.
 */
export const ORIGIN_START_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$/;

const MAX_OFFSET_MINUTES = 14 * 60;

/** Formats `instant` as local time at `offsetMinutes` east of UTC (e.g. 330 for +05:30, -480 for -08:00). */
export function formatOriginStart(instant: Date, offsetMinutes: number): string {
  if (Number.isNaN(instant.getTime())) {
    throw new BacpacError(
      'ORIGIN_FIELD_INVALID',
      'Origin.xml Start: expected a valid date, got an invalid Date',
    );
  }
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new BacpacError(
      'ORIGIN_FIELD_INVALID',
      `Origin.xml Start: expected a whole-minute UTC offset within ±14:00, got ${offsetMinutes} minutes`,
    );
  }
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const fraction = `${pad(local.getUTCMilliseconds(), 3)}0000`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${date}T${time}.${fraction}${offset}`;
}
