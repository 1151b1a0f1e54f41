import type { Rng } from './prng';

/**
 * Random exact and approximate numbers in the representations of the BCP codec: JS numbers for
 * the small integers and the floating types, bigint for bigint, and decimal strings with exactly
 * `scale` fraction digits (and no minus sign on zero) for decimal, numeric, money and smallmoney.
 */

export function randomBigint(rng: Rng): bigint {
  return BigInt.asIntN(64, (BigInt(rng.u32()) << 32n) | BigInt(rng.u32()));
}

function digits(rng: Rng, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(rng.int(0, 9));
  return text;
}

/** Joins sign, integer and fraction digits into the decoder's canonical decimal text. */
export function decimalText(negative: boolean, integerDigits: string, fractionDigits: string): string {
  const integer = integerDigits.replace(/^0+/, '') || '0';
  const isZero = /^0*$/.test(integer + fractionDigits);
  const sign = negative && !isZero ? '-' : '';
  return fractionDigits === '' ? `${sign}${integer}` : `${sign}${integer}.${fractionDigits}`;
}

/** decimal(precision, scale) with a random number of integer digits (small ones more often). */
export function randomDecimal(rng: Rng, precision: number, scale: number): string {
  const maxInteger = precision - scale;
  const integerCount = rng.chance(0.7) ? rng.int(0, Math.min(maxInteger, 6)) : rng.int(0, maxInteger);
  return decimalText(rng.chance(0.3), digits(rng, integerCount), digits(rng, scale));
}

/** The largest (or, negated, the smallest) value of decimal(precision, scale). */
export function decimalLimit(precision: number, scale: number, negative: boolean): string {
  return decimalText(negative, '9'.repeat(precision - scale), '9'.repeat(scale));
}

/** money with up to 14 integer digits (always inside ±922,337,203,685,477.5807). */
export function randomMoney(rng: Rng): string {
  return decimalText(rng.chance(0.25), digits(rng, rng.int(0, rng.chance(0.8) ? 6 : 14)), digits(rng, 4));
}

/** smallmoney with up to 5 integer digits (always inside ±214,748.3647). */
export function randomSmallmoney(rng: Rng): string {
  return decimalText(rng.chance(0.25), digits(rng, rng.int(0, 5)), digits(rng, 4));
}

export const MONEY_MIN = '-922337203685477.5808';
export const MONEY_MAX = '922337203685477.5807';
export const SMALLMONEY_MIN = '-214748.3648';
export const SMALLMONEY_MAX = '214748.3647';

/** A float of varied magnitude; never -0, NaN or infinite. */
export function randomFloat(rng: Rng): number {
  const value = (rng.next() * 2 - 1) * 10 ** rng.int(-12, 15);
  return value === 0 ? 0 : value;
}

/** A real: a float rounded to single precision. */
export function randomReal(rng: Rng): number {
  const value = Math.fround((rng.next() * 2 - 1) * 10 ** rng.int(-6, 9));
  return value === 0 ? 0 : value;
}

/** Largest finite and smallest normal magnitudes of float(53) and real. */
export const FLOAT_MAX = 1.7976931348623157e308;
export const FLOAT_MIN_NORMAL = 2.2250738585072014e-308;
export const REAL_MAX = 3.4028234663852886e38;
export const REAL_MIN_NORMAL = 1.1754943508222875e-38;
