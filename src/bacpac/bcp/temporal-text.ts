import { dayNumber, isValidDate } from './calendar';
import { BcpValueError, describeValue } from './value-error';

/**
 * The canonical text forms of the date and time types (see types.ts) and their parsing:
 * `YYYY-MM-DD`, `hh:mm:ss[.fffffff]`, `YYYY-MM-DD hh:mm:ss[.fffffff]` (a `T` separator is also
 * accepted) and a trailing ` +hh:mm` / `Z` offset for datetimeoffset. Time of day travels as a
 * count of 100 ns units since midnight. Fewer fraction digits than the scale are accepted; more are
 * accepted only when the extra ones are zeros, because nothing is rounded silently.
 */
export const UNITS_PER_SECOND = 10_000_000;
export const UNITS_PER_DAY = 86_400 * UNITS_PER_SECOND;

export interface DateTimeParts {
  readonly days: number;
  /** 100 ns units since midnight. */
  readonly units: number;
  /** Offset from UTC in minutes (0 when the text has none). */
  readonly offsetMinutes: number;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?: ?(?:([+-])(\d{2}):(\d{2})|(Z)))?$/;
const TIME_ONLY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

function bad(label: string, text: string, why: string): BcpValueError {
  return new BcpValueError('BCP_BAD_TEMPORAL', `expected ${label} text, found "${text}": ${why}`);
}

/** The text of a temporal value, or a type error for anything that is not a string. */
export function temporalText(label: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new BcpValueError('BCP_TYPE', `expected ${label} text, found ${describeValue(value)}`);
}

function timeUnits(
  label: string,
  text: string,
  scale: number,
  hh = '0',
  mm = '0',
  ss = '0',
  fraction = '',
): number {
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss);
  if (h > 23 || m > 59 || s > 59) throw bad(label, text, 'time of day out of range');
  let digits = fraction;
  if (digits.length > scale) {
    if (!/^0*$/.test(digits.slice(scale))) {
      throw new BcpValueError(
        'BCP_TEMPORAL_PRECISION',
        `value "${text}" has ${digits.length} fraction digits but ${label} keeps ${scale} (no rounding is done)`,
      );
    }
    digits = digits.slice(0, scale);
  }
  const fractionUnits = digits === '' ? 0 : Number(digits.padEnd(7, '0'));
  return ((h * 60 + m) * 60 + s) * UNITS_PER_SECOND + fractionUnits;
}

/** Parses `hh:mm[:ss[.f]]` to 100 ns units since midnight. */
export function parseTime(label: string, text: string, scale: number): number {
  const match = TIME_ONLY.exec(text);
  if (!match) throw bad(label, text, 'not hh:mm:ss[.fffffff]');
  return timeUnits(label, text, scale, match[1], match[2], match[3], match[4]);
}

/**
 * Parses a date with an optional time of day and (when `allowOffset`) an optional UTC offset.
 * `requireDateOnly` rejects any time part, for the date type.
 */
export function parseDateTime(
  label: string,
  text: string,
  scale: number,
  allowOffset: boolean,
  requireDateOnly = false,
): DateTimeParts {
  if (!requireDateOnly) {
    const units = scanDateTime(text, scale);
    if (units !== undefined) return units;
  }
  const match = DATE_TIME.exec(text);
  if (!match) throw bad(label, text, 'not YYYY-MM-DD hh:mm:ss[.fffffff]');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!isValidDate(year, month, day))
    throw bad(label, text, 'no such date between 0001-01-01 and 9999-12-31');
  if (requireDateOnly && match[4] !== undefined) throw bad(label, text, 'a date has no time of day');
  const hasOffset = match[8] !== undefined || match[11] !== undefined;
  if (hasOffset && !allowOffset) throw bad(label, text, 'only datetimeoffset carries a UTC offset');
  let offsetMinutes = 0;
  if (match[8] !== undefined) {
    const oh = Number(match[9]);
    const om = Number(match[10]);
    offsetMinutes = (match[8] === '-' ? -1 : 1) * (oh * 60 + om);
    if (om > 59 || Math.abs(offsetMinutes) > 14 * 60)
      throw bad(label, text, 'offset must be within -14:00 to +14:00');
  }
  const units = timeUnits(label, text, scale, match[4], match[5], match[6], match[7]);
  return { days: dayNumber(year, month, day), units, offsetMinutes };
}

/** The number written by `count` digits at `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const FRACTION_UNITS = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/**
 * The common form `YYYY-MM-DD hh:mm:ss[.f]` (at most `scale` fraction digits, no offset) read
 * straight from the character codes, or undefined for anything else, which the regular expression
 * then parses or refuses with its error.
 */
function scanDateTime(text: string, scale: number): DateTimeParts | undefined {
  const length = text.length;
  if (length !== 19 && (length < 21 || length > 20 + scale)) return undefined;
  if (
    text.charCodeAt(4) !== 0x2d ||
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x20 ||
    text.charCodeAt(13) !== 0x3a ||
    text.charCodeAt(16) !== 0x3a ||
    (length > 19 && text.charCodeAt(19) !== 0x2e)
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const m = digitsAt(text, 14, 2);
  const s = digitsAt(text, 17, 2);
  const fraction = length > 19 ? digitsAt(text, 20, length - 20) : 0;
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || fraction < 0) return undefined;
  if (!isValidDate(year, month, day)) return undefined;
  const fractionUnits = length > 19 ? fraction * (FRACTION_UNITS[length - 20] as number) : 0;
  return {
    days: dayNumber(year, month, day),
    units: ((h * 60 + m) * 60 + s) * UNITS_PER_SECOND + fractionUnits,
    offsetMinutes: 0,
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `hh:mm:ss` plus exactly `scale` fraction digits (all 7 if the value has finer units than the scale). */
export function formatTime(units: number, scale: number): string {
  const totalSeconds = Math.floor(units / UNITS_PER_SECOND);
  const fractionUnits = units - totalSeconds * UNITS_PER_SECOND;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  const base = `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  const step = 10 ** (7 - scale);
  if (fractionUnits % step !== 0) return `${base}.${String(fractionUnits).padStart(7, '0')}`;
  if (scale === 0) return base;
  return `${base}.${String(fractionUnits / step).padStart(scale, '0')}`;
}

/** ` +hh:mm` style offset text (without the leading space). */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
