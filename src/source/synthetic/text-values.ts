import type { Rng } from './prng';

/**
 * Random text. Single-byte columns (char, varchar, text) get words that exist in code page 1252,
 * the code page of SQL_Latin1_General_CP1_CI_AS, so SQL Server stores them unchanged; Unicode
 * columns also get CJK, right-to-left scripts, combining marks and surrogate pairs. Lengths are in
 * UTF-16 code units, which is what nchar/nvarchar limits count, and a pair is never cut.
 */

const LATIN_WORDS: readonly string[] = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'export',
  'BACPAC',
  'ledger',
  'invoice',
  'widget',
  'Zürich',
  'café',
  'naïve',
  'façade',
  'smörgåsbord',
  'crème',
  'brûlée',
  'Ærøskøbing',
  '€uro',
  'Œuvre',
  'señor',
  "O'Brien",
  'semi;colon',
  'comma,separated',
  'quote"d',
  'tab\there',
  'line\r\nbreak',
  '100%',
  '<tag>',
  'a&b',
  '¿qué?',
  '±0.5°',
  '£5',
  '¥10',
  '™',
  '…',
];

const UNICODE_WORDS: readonly string[] = [
  ...LATIN_WORDS,
  '日本語',
  '中文字符',
  '한국어',
  'Ελληνικά',
  'Русский',
  'עברית',
  'العربية',
  'हिन्दी',
  'ไทย',
  '😀',
  '👍🏽',
  '𝄞',
  '🇺🇳',
  '👩‍💻',
  'e\u0301',
  'ﬁ',
  'ß',
  'İstanbul',
  'Ωmega',
  '\u200b',
];

function words(rng: Rng, pool: readonly string[], maxUnits: number): string {
  const target = rng.chance(0.1) ? 0 : rng.int(1, maxUnits);
  let text = '';
  for (let tries = 0; tries < 64 && text.length < target; tries++) {
    const word = rng.pick(pool);
    const next = text === '' ? word : `${text} ${word}`;
    if (next.length <= target) text = next;
    else if (text === '') continue;
    else break;
  }
  return text;
}

/** Code page 1252 text of at most `maxChars` characters (may be empty). */
export function randomLatinText(rng: Rng, maxChars: number): string {
  return words(rng, LATIN_WORDS, maxChars);
}

/** Unicode text of at most `maxUnits` UTF-16 code units (may be empty). */
export function randomUnicodeText(rng: Rng, maxUnits: number): string {
  return words(rng, UNICODE_WORDS, maxUnits);
}

/** char(n)/nchar(n): the decoder gives values padded with spaces to the full length. */
export function padded(text: string, length: number): string {
  return text.padEnd(length, ' ');
}

/** A long text of exactly `units` code units built from repeated words (for (max) columns). */
export function longText(rng: Rng, units: number, unicode: boolean): string {
  const pool = unicode ? UNICODE_WORDS : LATIN_WORDS;
  const parts: string[] = [];
  let length = 0;
  while (length < units) {
    const word = rng.pick(pool);
    parts.push(word, ' ');
    length += word.length + 1;
  }
  let text = parts.join('').slice(0, units);
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) text = `${text.slice(0, -1)}x`;
  return text;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\r\n]/g, ' ');
}

/** A small well-formed XML document or fragment. */
export function randomXml(rng: Rng, id: number): string {
  const items: string[] = [];
  const count = rng.int(0, 3);
  for (let i = 0; i < count; i++) {
    const name = escapeXml(randomUnicodeText(rng, 30));
    items.push(`<item sku="SKU-${rng.int(1, 9999)}" qty="${rng.int(1, 50)}">${name}</item>`);
  }
  if (rng.chance(0.15)) return `<note>${escapeXml(randomUnicodeText(rng, 40))}</note><note/>`;
  return `<order id="${id}" status="${rng.pick(['open', 'shipped', 'closed'])}">${items.join('')}</order>`;
}
