import { MssqlSourceError } from '../errors';

/**
 * Normalisers for the text of date and time values converted on the server with CONVERT styles
 * 23 (date), 120 (smalldatetime) and 121 (time, datetime, datetime2, datetimeoffset), into the
 * forms BcpValue defines. The fraction is padded (never cut) to the column's scale: a value with
 * more non-zero digits than the scale allows is an error, not a silent rounding.
 */

function fail(where: string, expected: string, text: unknown): never {
  throw new MssqlSourceError(
    'SQL_VALUE',
    `${where}: expected ${expected}, found ${typeof text === 'string' ? `"${text}"` : String(text)}`,
  );
}

function fractionTo(scale: number, digits: string, where: string, text: string): string {
  let kept = digits;
  if (kept.length > scale) {
    if (!/^0*$/.test(kept.slice(scale))) fail(where, `at most ${scale} fractional digits`, text);
    kept = kept.slice(0, scale);
  }
  kept = kept.padEnd(scale, '0');
  return scale === 0 ? '' : `.${kept}`;
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';
const TIME = '(\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?';

function asText(value: unknown, where: string, expected: string): string {
  if (typeof value !== 'string') fail(where, expected, value);
  return value.trim();
}

/** `YYYY-MM-DD`. */
export function normaliseDateText(value: unknown, where: string): string {
  const text = asText(value, where, 'a date YYYY-MM-DD');
  if (!new RegExp(`^${DATE}$`).test(text)) fail(where, 'a date YYYY-MM-DD', text);
  return text;
}

/** `hh:mm:ss[.f…]` with exactly `scale` fractional digits. */
export function normaliseTimeText(value: unknown, scale: number, where: string): string {
  const text = asText(value, where, `a time(${scale})`);
  const m = new RegExp(`^${TIME}$`).exec(text);
  if (m === null) fail(where, `a time hh:mm:ss[.fffffff]`, text);
  return `${m[1]}${fractionTo(scale, m[2] ?? '', where, text)}`;
}

/** `YYYY-MM-DD hh:mm:ss[.f…]` with exactly `scale` fractional digits (datetime2). */
export function normaliseDateTime2Text(value: unknown, scale: number, where: string): string {
  const text = asText(value, where, `a datetime2(${scale})`);
  const m = new RegExp(`^${DATE}[ T]${TIME}$`).exec(text);
  if (m === null) fail(where, 'a datetime2 YYYY-MM-DD hh:mm:ss[.fffffff]', text);
  return `${m[1]} ${m[2]}${fractionTo(scale, m[3] ?? '', where, text)}`;
}

/** `YYYY-MM-DD hh:mm:ss.fff` (datetime). */
export function normaliseDateTimeText(value: unknown, where: string): string {
  const text = asText(value, where, 'a datetime');
  const m = new RegExp(`^${DATE}[ T]${TIME}$`).exec(text);
  if (m === null) fail(where, 'a datetime YYYY-MM-DD hh:mm:ss.fff', text);
  return `${m[1]} ${m[2]}${fractionTo(3, m[3] ?? '', where, text)}`;
}

/** `YYYY-MM-DD hh:mm:ss` (smalldatetime). */
export function normaliseSmallDateTimeText(value: unknown, where: string): string {
  const text = asText(value, where, 'a smalldatetime');
  const m = new RegExp(`^${DATE}[ T]${TIME}$`).exec(text);
  if (m === null) fail(where, 'a smalldatetime YYYY-MM-DD hh:mm:ss', text);
  return `${m[1]} ${m[2]}${fractionTo(0, m[3] ?? '', where, text)}`;
}

/** `YYYY-MM-DD hh:mm:ss[.f…] +hh:mm`: local date and time and the offset (datetimeoffset). */
export function normaliseDateTimeOffsetText(value: unknown, scale: number, where: string): string {
  const text = asText(value, where, `a datetimeoffset(${scale})`);
  const m = new RegExp(`^${DATE}[ T]${TIME} ?(?:([+-])(\\d{2}):(\\d{2})|Z)$`).exec(text);
  if (m === null) fail(where, 'a datetimeoffset YYYY-MM-DD hh:mm:ss[.fffffff] +hh:mm', text);
  const offset = m[4] === undefined ? '+00:00' : `${m[4]}${m[5]}:${m[6]}`;
  return `${m[1]} ${m[2]}${fractionTo(scale, m[3] ?? '', where, text)} ${offset}`;
}
