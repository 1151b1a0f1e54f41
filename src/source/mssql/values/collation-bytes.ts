/**
 * The 5-byte TDS collation (MS-TDS 2.2.5.1.2) of a named collation, built from what
 * COLLATIONPROPERTY reports: bits 0-19 the LCID, then fIgnoreCase, fIgnoreAccent, fIgnoreWidth,
 * fIgnoreKana, fBinary, fBinary2, fUTF8 and a reserved bit, then a 4-bit version, all little-endian
 * in 4 bytes; the fifth byte is the SQL sort order id (0 for Windows collations).
 * `SQL_Latin1_General_CP1_CI_AS` -> `09 04 d0 00 34`.
 */

/** COLLATIONPROPERTY(name, 'ComparisonStyle') flags. */
const STYLE_IGNORE_CASE = 0x1;
const STYLE_IGNORE_ACCENT = 0x2;
const STYLE_IGNORE_KANA = 0x10000;
const STYLE_IGNORE_WIDTH = 0x20000;

/** Sort order ids of the SQL Server (`SQL_`) collations in common use. */
const SQL_SORT_IDS: ReadonlyMap<string, number> = new Map([
  ['sql_latin1_general_cp437_bin', 30],
  ['sql_latin1_general_cp437_cs_as', 31],
  ['sql_latin1_general_cp437_ci_as', 32],
  ['sql_latin1_general_pref_cp437_ci_as', 33],
  ['sql_latin1_general_cp437_ci_ai', 34],
  ['sql_latin1_general_cp850_bin', 40],
  ['sql_latin1_general_cp850_cs_as', 41],
  ['sql_latin1_general_cp850_ci_as', 42],
  ['sql_latin1_general_pref_cp850_ci_as', 43],
  ['sql_latin1_general_cp850_ci_ai', 44],
  ['sql_latin1_general_cp1_cs_as', 51],
  ['sql_latin1_general_cp1_ci_as', 52],
  ['sql_latin1_general_pref_cp1_ci_as', 53],
  ['sql_latin1_general_cp1_ci_ai', 54],
]);

export interface CollationFacts {
  readonly name: string;
  readonly lcid: number;
  readonly comparisonStyle: number;
  readonly version: number;
}

/**
 * The TDS collation bytes, or undefined for a SQL collation whose sort order id is not known here
 * (the caller reports it rather than guessing).
 */
export function tdsCollationBytes(facts: CollationFacts): Buffer | undefined {
  const lower = facts.name.toLowerCase();
  let sortId = 0;
  if (lower.startsWith('sql_')) {
    const known = SQL_SORT_IDS.get(lower);
    if (known === undefined) return undefined;
    sortId = known;
  }
  const binary2 = /_bin2(_|$)/.test(lower);
  const binary = !binary2 && /_bin(_|$)/.test(lower);
  const utf8 = /_utf8$/.test(lower);
  const style = facts.comparisonStyle;
  let flags = 0;
  if (style & STYLE_IGNORE_CASE) flags |= 0x01;
  if (style & STYLE_IGNORE_ACCENT) flags |= 0x02;
  if (style & STYLE_IGNORE_WIDTH) flags |= 0x04;
  if (style & STYLE_IGNORE_KANA) flags |= 0x08;
  if (binary) flags |= 0x10;
  if (binary2) flags |= 0x20;
  if (utf8) flags |= 0x40;
  const word = ((facts.lcid & 0xfffff) | (flags << 20) | ((facts.version & 0xf) << 28)) >>> 0;
  const bytes = Buffer.alloc(5);
  bytes.writeUInt32LE(word, 0);
  bytes.writeUInt8(sortId, 4);
  return bytes;
}
