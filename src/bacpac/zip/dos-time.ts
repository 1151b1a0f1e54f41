/**
 * MS-DOS date and time fields (APPNOTE 4.4.6): local time, two-second resolution, years 1980–2107.
 * Real BACPACs hold the exporting machine's local time, so both directions use local-time fields.
 */

export interface DosDateTime {
  /** bits 15–11 hour, 10–5 minute, 4–0 second / 2 */
  readonly time: number;
  /** bits 15–9 year − 1980, 8–5 month (1–12), 4–0 day */
  readonly date: number;
}

/** The earliest and latest instants the fields can hold; dates outside are clamped to these. */
const FIRST_YEAR = 1980;
const LAST_YEAR = 2107;

/** Encodes the local-time fields of `when`. Dates before 1980 or after 2107 are clamped to the range. */
export function toDosDateTime(when: Date): DosDateTime {
  const year = when.getFullYear();
  if (year < FIRST_YEAR) return { time: 0, date: (1 << 5) | 1 };
  if (year > LAST_YEAR) {
    return { time: (23 << 11) | (59 << 5) | 29, date: ((LAST_YEAR - FIRST_YEAR) << 9) | (12 << 5) | 31 };
  }
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((year - FIRST_YEAR) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/** Decodes the fields as a local-time Date (no validation: out-of-range fields roll over as Date does). */
export function fromDosDateTime(date: number, time: number): Date {
  return new Date(
    FIRST_YEAR + (date >> 9),
    ((date >> 5) & 0x0f) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}
