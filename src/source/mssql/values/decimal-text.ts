import { MssqlSourceError } from '../errors';

/**
 * Normalises the text SQL Server gives for a decimal, numeric or money value converted to varchar
 * (`123.4500`, `-.5000` when precision equals scale, `0.0000`) into the decimal-string form of
 * BcpValue: optional `-`, at least one integer digit, and the fractional digits as given. Zero is
 * never negative.
 */
export function normaliseDecimalText(text: string, where: string): string {
  const trimmed = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new MssqlSourceError('SQL_VALUE', `${where}: expected a decimal number, found "${text}"`);
  }
  const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = match[3] ?? '';
  const isZero = /^0*$/.test(integer) && /^0*$/.test(fraction);
  const sign = match[1] === '-' && !isZero ? '-' : '';
  return fraction === '' ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}

/** Reads an integer that travelled as text (bigint) into a JS bigint. */
export function parseBigIntText(value: unknown, where: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim());
  throw new MssqlSourceError('SQL_VALUE', `${where}: expected a bigint, found ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? value.slice(0, 60) + '…' : value}"`;
  if (Buffer.isBuffer(value)) return `a ${value.length}-byte buffer`;
  if (value instanceof Date) return `a Date (${value.toISOString()})`;
  return `${typeof value} ${String(value)}`;
}
