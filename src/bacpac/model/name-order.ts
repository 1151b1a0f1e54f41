import { parseName } from './names';

/**
 * The order DacFx gives named top-level elements in model.xml: part by part on the unbracketed
 * parts, ignoring case, with punctuation before digits and digits before letters; a name that is
 * a prefix of another (part-wise) comes first. Matched the order of every fixture.
 *
 * Punctuation follows the order of the Unicode collation's variable characters (white space,
 * `_`, `-`, `,`, `;`, ... as listed below); that relative order among punctuation characters is an
 * assumption (the fixtures only show space and `_` against letters and digits). Characters outside
 * ASCII sort after letters by lower-cased code point (also an assumption).
 */
const PUNCTUATION = ' \t_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const DIGIT_BASE = 100;
const LETTER_BASE = 200;
const OTHER_BASE = 1000;

function weight(ch: string): number {
  const p = PUNCTUATION.indexOf(ch);
  if (p >= 0) return p;
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return DIGIT_BASE + code - 0x30;
  const lower = ch.toLowerCase();
  const lc = lower.charCodeAt(0);
  if (lc >= 0x61 && lc <= 0x7a) return LETTER_BASE + lc - 0x61;
  if (code < 0x80) return 50 + code; // remaining ASCII controls: with punctuation
  return OTHER_BASE + (lower.codePointAt(0) ?? code);
}

/** Compares two unbracketed name parts. */
export function compareNamePart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = weight(a[i] as string) - weight(b[i] as string);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Compares two parsed names part by part. */
export function compareNameParts(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = compareNamePart(a[i] as string, b[i] as string);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Compares two bracketed names (`[dbo].[X]`) in DacFx's model.xml order. */
export function compareNames(a: string, b: string): number {
  return compareNameParts(parseName(a), parseName(b));
}
