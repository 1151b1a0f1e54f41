import { BacpacError } from '../errors';

/**
 * Percent-escaping of schema and table names inside part names. Real files show the table
 * `[dbo].[Order Details]` stored as `Data/dbo.Order%20Details/...`.
 *
 * Escaping rule for a schema or table name (an OPC part-name segment is RFC 3986 `pchar`):
 * - kept raw: ASCII letters and digits, the unreserved marks `- . _ ~`, the sub-delims
 *   `! $ & ' ( ) * + , ; =`, and `:` and `@`, as RFC 3986 allows in a path segment. OPC forbids escaping
 *   an unreserved character (.NET's part-name check unescapes them and would then reject the name);
 * - escaped as `%XX` (uppercase hex, as .NET writes): every other ASCII character, among them space,
 *   `%`, `#`, `?`, `[`, `]`, `"`, `<`, `>`, `\`, `^`, backquote, `{`, `|`, `}` and the control characters;
 *   `/` becomes `%2F` because it would otherwise split the path (OPC discourages an escaped slash; no real
 *   file shows what DacFx does with one);
 * - every non-ASCII character is escaped as the `%XX` of each of its UTF-8 bytes.
 * A name holding a lone UTF-16 surrogate has no UTF-8 form and is refused.
 * Only the space rule is confirmed by real files; the rest follows RFC 3986 and the OPC part-name grammar.
 * Two limits of OPC remain and are not worked around: part names compare case-insensitively, so tables
 * differing only in case share a folder; and a name ending in '.' yields a folder that OPC calls invalid.
 */

const RAW = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/** Escapes one schema or table name for use inside a part name. */
export function escapePartNameSegment(name: string, what = 'name'): string {
  if (name.length === 0)
    throw new BacpacError('PART_NAME_INVALID', `${what}: an empty name cannot form a part name`);
  let out = '';
  for (const char of name) {
    if (RAW.test(char)) {
      out += char;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new BacpacError(
        'PART_NAME_INVALID',
        `${what} ${JSON.stringify(name)}: lone surrogate U+${code.toString(16).toUpperCase()} has no UTF-8 form`,
      );
    }
    for (const byte of Buffer.from(char, 'utf8'))
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Reverses {@link escapePartNameSegment} (accepts any `%XX` escape, either hex case). */
export function unescapePartNameSegment(escaped: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const code = escaped.codePointAt(i) ?? 0;
    if (code === 0x25) {
      const hex = escaped.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        throw new BacpacError(
          'PART_NAME_INVALID',
          `${JSON.stringify(escaped)}: '%' at index ${i} is not followed by two hex digits`,
        );
      }
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const char = String.fromCodePoint(code);
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    throw new BacpacError('PART_NAME_INVALID', `${JSON.stringify(escaped)}: escapes do not decode as UTF-8`);
  }
}
