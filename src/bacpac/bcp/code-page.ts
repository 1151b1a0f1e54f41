import { BcpValueError } from './value-error';

/**
 * The code pages of non-Unicode sql_variant values (the only non-UTF-16 text in a BCP file). A
 * collation's 5 TDS bytes name either a SQL sort order (its 5th byte, the sort id) or, when the sort
 * id is 0, a Windows locale (the low 20 bits of the first four bytes); a `_UTF8` collation (flag bit
 * 26) stores UTF-8. Supported: UTF-8, Windows-1252 for the SQL_Latin1_General sort orders, and the
 * single-byte Windows code page of each Windows collation locale (874, 1250-1258), converted with
 * the WHATWG tables of the runtime's TextDecoder (Windows' own mappings; unassigned bytes map to C1
 * controls). Double-byte code pages (932, 936, 949, 950) and other SQL sort orders are refused.
 */

export type VariantCodePage = 874 | 1250 | 1251 | 1252 | 1253 | 1254 | 1255 | 1256 | 1257 | 1258 | 65001;

/** The collation SQL Server shows for SQL_Latin1_General_CP1_CI_AS (LCID 1033, sort id 52). */
export const DEFAULT_VARIANT_COLLATION: Readonly<Buffer> = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);

/** SQL sort ids whose code page is 1252 (SQL_Latin1_General_CP1_* and related sort orders). */
const CP1252_SORT_IDS = new Set([50, 51, 52, 53, 54, 71, 72, 73, 74, 75, 183, 184, 185, 186]);

/** The ANSI code page of each Windows collation locale (sort id 0), by LCID. */
const CODE_PAGE_BY_LCID: ReadonlyMap<number, VariantCodePage> = new Map<number, VariantCodePage>([
  // Latin1_General, Danish, Spanish, French, Finnish, Icelandic, Italian, Dutch, Norwegian, Swedish, ...
  ...[
    0x0406, 0x0407, 0x0409, 0x040a, 0x040b, 0x040c, 0x040f, 0x0410, 0x0413, 0x0414, 0x041d, 0x0436, 0x0462,
    0x0483, 0x0809, 0x0c0a, 0x10407,
  ].map((lcid): [number, VariantCodePage] => [lcid, 1252]),
  // Czech, Hungarian, Polish, Romanian, Croatian, Slovak, Albanian, Slovenian, Serbian and Bosnian Latin
  ...[0x0405, 0x040e, 0x0415, 0x0418, 0x041a, 0x041b, 0x041c, 0x0424, 0x081a, 0x141a].map(
    (lcid): [number, VariantCodePage] => [lcid, 1250],
  ),
  // Cyrillic_General (Russian), Bulgarian, Ukrainian, Macedonian, Kazakh, Tatar, Serbian, Azeri and
  // Bosnian Cyrillic
  ...[0x0419, 0x0402, 0x0422, 0x042f, 0x043f, 0x0444, 0x0c1a, 0x082c, 0x201a].map(
    (lcid): [number, VariantCodePage] => [lcid, 1251],
  ),
  [0x0408, 1253], // Greek
  ...[0x041f, 0x042c, 0x0443].map((lcid): [number, VariantCodePage] => [lcid, 1254]), // Turkish, Azeri and Uzbek Latin
  [0x040d, 1255], // Hebrew
  ...[0x0401, 0x0429, 0x0420].map((lcid): [number, VariantCodePage] => [lcid, 1256]), // Arabic, Persian, Urdu
  ...[0x0425, 0x0426, 0x0427].map((lcid): [number, VariantCodePage] => [lcid, 1257]), // Estonian, Latvian, Lithuanian
  [0x042a, 1258], // Vietnamese
  [0x041e, 874], // Thai
]);

/** The code page of a 5-byte TDS collation, refusing the ones this codec cannot convert. */
export function collationCodePage(collation: Uint8Array): VariantCodePage {
  if (collation.length !== 5) {
    throw new BcpValueError(
      'BCP_BAD_COLLATION',
      `expected a 5-byte collation, found ${collation.length} bytes`,
    );
  }
  const lcid =
    ((collation[0] as number) | ((collation[1] as number) << 8) | ((collation[2] as number) << 16)) & 0xfffff;
  const utf8 = ((collation[3] as number) & 0x04) !== 0;
  const sortId = collation[4] as number;
  if (utf8) return 65001;
  const codePage =
    sortId !== 0 ? (CP1252_SORT_IDS.has(sortId) ? 1252 : undefined) : CODE_PAGE_BY_LCID.get(lcid);
  if (codePage !== undefined) return codePage;
  throw new BcpValueError(
    'BCP_UNSUPPORTED_CODE_PAGE',
    `collation LCID 0x${lcid.toString(16).padStart(4, '0')} sort id ${sortId} uses a code page not supported ` +
      'for sql_variant character values (supported: UTF-8 and the single-byte Windows code pages 874, 1250-1258)',
  );
}

interface CodePageTables {
  readonly decode: readonly string[];
  readonly encode: ReadonlyMap<number, number>;
}

const tables = new Map<VariantCodePage, CodePageTables>();

/** Unicode code points of the bytes 0x80-0x9F in code page 1252. */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * The 256 characters of a single-byte code page. 1252 is spelled out here: Node 20's TextDecoder
 * decodes "windows-1252" as ISO-8859-1, which differs in 0x80-0x9F.
 */
function decodeTableOf(codePage: Exclude<VariantCodePage, 65001>): string[] {
  if (codePage === 1252) {
    return Array.from({ length: 256 }, (_, b) =>
      String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b),
    );
  }
  const decoder = new TextDecoder(`windows-${codePage}`);
  return Array.from({ length: 256 }, (_, b) => decoder.decode(Uint8Array.of(b)));
}

/** The decode table and its inverse for a single-byte code page (built once). */
function tablesOf(codePage: Exclude<VariantCodePage, 65001>): CodePageTables {
  let t = tables.get(codePage);
  if (t === undefined) {
    const decode = decodeTableOf(codePage);
    const encode = new Map<number, number>();
    decode.forEach((ch, b) => {
      if (ch.length === 1 && ch !== '\ufffd' && !encode.has(ch.charCodeAt(0)))
        encode.set(ch.charCodeAt(0), b);
    });
    t = { decode, encode };
    tables.set(codePage, t);
  }
  return t;
}

/** Text of `length` bytes at `offset` in the code page. */
export function decodeCodePage(
  codePage: VariantCodePage,
  buf: Buffer,
  offset: number,
  length: number,
): string {
  if (codePage === 65001) return buf.toString('utf8', offset, offset + length);
  const { decode } = tablesOf(codePage);
  let s = '';
  for (let i = offset; i < offset + length; i++) s += decode[buf[i] as number] as string;
  return s;
}

/** The bytes of `text` in the code page; a character it has no byte for is an error naming it. */
export function encodeCodePage(codePage: VariantCodePage, text: string): Buffer {
  if (codePage === 65001) return Buffer.from(text, 'utf8');
  const { encode } = tablesOf(codePage);
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = encode.get(text.charCodeAt(i));
    if (byte === undefined) {
      throw new BcpValueError(
        'BCP_CODE_PAGE',
        `character U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} at position ${i + 1} ` +
          `has no code page ${codePage} byte`,
      );
    }
    out[i] = byte;
  }
  return out;
}
