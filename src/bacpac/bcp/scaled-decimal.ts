import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';

/**
 * Exact decimal text <-> scaled integer digits, shared by decimal/numeric and money. A value
 * `-12.5` at scale 2 is { negative: true, digits: "1250" }: the unscaled integer as a digit string
 * without leading zeros ("" for zero). No value passes through a JS number on the way.
 */
export interface ScaledDigits {
  readonly negative: boolean;
  readonly digits: string;
  /** Number of digits before the decimal point, leading zeros not counted. */
  readonly integerDigits: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** The decimal text of a value given for an exact numeric column (string, bigint or safe integer). */
export function decimalText(typeLabel: string, value: BcpValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new BcpValueError(
    'BCP_TYPE',
    `expected a decimal string for ${typeLabel}, found ${describeValue(value)}` +
      (typeof value === 'number' ? ' (non-integer numbers are inexact; pass a string)' : ''),
  );
}

/**
 * Parses decimal text and scales it to `scale` fraction digits. More fraction digits than `scale`
 * are accepted only when the extra ones are zeros: nothing is ever rounded.
 */
export function parseScaled(text: string, scale: number, typeLabel: string): ScaledDigits {
  const match = DECIMAL_TEXT.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || (whole === '' && fraction === '')) {
    throw new BcpValueError('BCP_BAD_DECIMAL', `expected decimal text for ${typeLabel}, found "${text}"`);
  }
  let fractionDigits = fraction;
  if (fraction.length > scale) {
    const extra = fraction.slice(scale);
    if (!/^0*$/.test(extra)) {
      throw new BcpValueError(
        'BCP_DECIMAL_SCALE',
        `value ${text} has ${fraction.length} fraction digits but ${typeLabel} keeps ${scale} (no rounding is done)`,
      );
    }
    fractionDigits = fraction.slice(0, scale);
  } else if (fraction.length < scale) {
    fractionDigits = fraction.padEnd(scale, '0');
  }
  const integerPart = whole.replace(/^0+/, '');
  const digits = (integerPart + fractionDigits).replace(/^0+/, '');
  return { negative: match[1] === '-' && digits !== '', digits, integerDigits: integerPart.length };
}

/** A scaled value small enough to be exact in a double: at most 15 significant digits. */
export interface SmallScaled {
  readonly negative: boolean;
  /** The unscaled integer, below 10^15 (exact). */
  readonly magnitude: number;
  readonly integerDigits: number;
}

const SMALL_DIGITS = 15;
const POW10 = Array.from({ length: SMALL_DIGITS + 1 }, (_, i) => 10 ** i);

/**
 * The common case of `parseScaled` in one pass over the characters: plain decimal text whose value
 * at `scale` has at most 15 significant digits, so the unscaled integer is exact as a number.
 * Anything else (more digits, fraction digits beyond the scale, malformed text) gives undefined,
 * and `parseScaled` decides it, with its errors.
 */
export function parseScaledSmall(text: string, scale: number): SmallScaled | undefined {
  const length = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  const negative = first === 0x2d;
  if (negative || first === 0x2b) i = 1;
  let magnitude = 0;
  let significant = 0;
  let integerDigits = 0;
  let digitsSeen = 0;
  for (; i < length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    digitsSeen += 1;
    if (significant === 0 && d === 0) continue;
    significant += 1;
    integerDigits += 1;
    magnitude = magnitude * 10 + d;
  }
  let fraction = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 0x2e) return undefined;
    for (i += 1; i < length; i++) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9 || fraction === scale) return undefined;
      digitsSeen += 1;
      fraction += 1;
      if (significant > 0 || d !== 0) significant += 1;
      magnitude = magnitude * 10 + d;
    }
  }
  if (digitsSeen === 0) return undefined;
  if (magnitude === 0) return { negative: false, magnitude: 0, integerDigits };
  if (significant + scale - fraction > SMALL_DIGITS) return undefined;
  return { negative, magnitude: magnitude * (POW10[scale - fraction] as number), integerDigits };
}

/** Formats an unscaled digit string with exactly `scale` fraction digits: ("1250", 2) -> "12.50". */
export function formatScaled(negative: boolean, digits: string, scale: number): string {
  const sign = negative && /[1-9]/.test(digits) ? '-' : '';
  if (scale === 0) return sign + (digits === '' ? '0' : digits);
  const padded = digits.padStart(scale + 1, '0');
  const cut = padded.length - scale;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}
