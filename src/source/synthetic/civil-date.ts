/**
 * Proleptic Gregorian calendar arithmetic for the synthetic dates: day numbers count days since
 * 0001-01-01 (day 0), the epoch of SQL Server's date, datetime2 and datetimeoffset types.
 */

/** Days from 0001-01-01 to 1970-01-01. */
const UNIX_EPOCH_DAY = 719_162;

/** Day number of 9999-12-31, the last day SQL Server's date types hold. */
export const LAST_DAY = 3_652_058;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number (0 = 0001-01-01). */
export function dayText(day: number): string {
  // Civil-from-days over 400-year eras of 146097 days, with years starting on 1 March.
  const z = day - UNIX_EPOCH_DAY + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Day number of a calendar date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + UNIX_EPOCH_DAY;
}

/** `hh:mm:ss` of a second of the day. */
export function clockText(secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor(secondOfDay / 60) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(secondOfDay % 60, 2)}`;
}

/** ` +hh:mm` / ` -hh:mm` text of an offset in minutes (without the leading space). */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

export { pad };
