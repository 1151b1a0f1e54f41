import { BcpValueError } from './value-error';

/**
 * Single-byte code pages of non-Unicode sql_variant values (the only non-UTF-16 text in a BCP
 * file). A collation's 5 TDS bytes name either a SQL sort order (its 5th byte, the sort id) or,
 * when the sort id is 0, a Windows locale (the low 20 bits of the first four bytes). Code page 1252
 * is supported exactly, including 0x80-0x9F where it differs from ISO-8859-1 (its five unassigned
 * bytes map to the C1 controls, as Windows does); any other code page is refused with an error.
 */

/** The collation SQL Server shows for SQL_Latin1_General_CP1_CI_AS (LCID 1033, sort id 52). */
export const DEFAULT_VARIANT_COLLATION: Readonly<Buffer> = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);

/** SQL sort ids whose code page is 1252 (SQL_Latin1_General_CP1_* and related sort orders). */
const CP1252_SORT_IDS = new Set([50, 51, 52, 53, 54, 71, 72, 73, 74, 75, 183, 184, 185, 186]);
/** Windows collation locales whose code page is 1252 (Latin1_General, Danish, Spanish, French, ...). */
const CP1252_LCIDS = new Set([
  0x0406, 0x0407, 0x0409, 0x040a, 0x040b, 0x040c, 0x040f, 0x0410, 0x0413, 0x0414, 0x041d, 0x0436, 0x0462,
  0x0483, 0x0809, 0x0c0a, 0x10407,
]);

/** Unicode code points of the bytes 0x80-0x9F in code page 1252. */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const DECODE_1252: string[] = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b),
);
const ENCODE_1252 = new Map<number, number>(DECODE_1252.map((ch, b) => [ch.charCodeAt(0), b]));

/** The code page of a 5-byte TDS collation, refusing the ones this codec cannot convert. */
export function collationCodePage(collation: Uint8Array): 1252 {
  if (collation.length !== 5) {
    throw new BcpValueError(
      'BCP_BAD_COLLATION',
      `expected a 5-byte collation, found ${collation.length} bytes`,
    );
  }
  const lcid =
    ((collation[0] as number) | ((collation[1] as number) << 8) | ((collation[2] as number) << 16)) & 0xfffff;
  const sortId = collation[4] as number;
  if (sortId !== 0 ? CP1252_SORT_IDS.has(sortId) : CP1252_LCIDS.has(lcid)) return 1252;
  throw new BcpValueError(
    'BCP_UNSUPPORTED_CODE_PAGE',
    `collation LCID 0x${lcid.toString(16).padStart(4, '0')} sort id ${sortId} does not use code page 1252, ` +
      'the only non-Unicode code page supported for sql_variant character values',
  );
}

export function decodeCp1252(buf: Buffer, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length; i++) s += DECODE_1252[buf[i] as number] as string;
  return s;
}

export function encodeCp1252(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = ENCODE_1252.get(text.charCodeAt(i));
    if (byte === undefined) {
      throw new BcpValueError(
        'BCP_CODE_PAGE',
        `character U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} at position ${i + 1} ` +
          'has no code page 1252 byte',
      );
    }
    out[i] = byte;
  }
  return out;
}
