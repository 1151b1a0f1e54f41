import { BacpacError } from '../errors';

/**
 * Names of the data parts: `Data/<schema>.<table>/TableData-NNN-MMMMM.BCP`, stored in the ZIP in their
 * escaped OPC form (the table `[dbo].[Order Details]` is `Data/dbo.Order%20Details/...` in real files).
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
 */

const RAW = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
const MAX_SEGMENT = 999;
const MAX_SUB_SEGMENT = 99999;

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

function checkNumber(value: number, max: number, what: string, partOf: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new BacpacError(
      'PART_NAME_INVALID',
      `${partOf}: ${what} must be an integer 0..${max}, got ${value}`,
    );
  }
}

/** The escaped part name (also the ZIP entry name) of one data file of a table. */
export function dataPartName(schema: string, table: string, segment: number, subSegment = 0): string {
  const partOf = `data part of ${schema}.${table}`;
  checkNumber(segment, MAX_SEGMENT, 'segment', partOf);
  checkNumber(subSegment, MAX_SUB_SEGMENT, 'sub-segment', partOf);
  const folder = `${escapePartNameSegment(schema, 'schema')}.${escapePartNameSegment(table, 'table')}`;
  return `Data/${folder}/TableData-${String(segment).padStart(3, '0')}-${String(subSegment).padStart(5, '0')}.BCP`;
}

/** A part name as an absolute part URI (the form relationships use as `Target`). */
export function partUri(name: string): string {
  return `/${name}`;
}

/** What a data part's name says. `schema`/`table` are set only when the folder holds exactly one '.'. */
export interface ParsedDataPartName {
  /** The folder name unescaped: `schema.table`, which cannot be split reliably when names hold '.'. */
  readonly folder: string;
  readonly schema?: string;
  readonly table?: string;
  readonly segment: number;
  readonly subSegment: number;
}

const DATA_PART = /^\/?Data\/([^/]+)\/TableData-(\d{1,9})-(\d{1,9})\.BCP$/i;

/** Parses a data part name or URI; returns undefined for names that are not data parts. */
export function parseDataPartName(name: string): ParsedDataPartName | undefined {
  const match = DATA_PART.exec(name);
  if (!match) return undefined;
  const folder = unescapePartNameSegment(match[1] ?? '');
  const segment = Number(match[2]);
  const subSegment = Number(match[3]);
  const dot = folder.indexOf('.');
  if (dot > 0 && dot === folder.lastIndexOf('.') && dot < folder.length - 1) {
    return { folder, schema: folder.slice(0, dot), table: folder.slice(dot + 1), segment, subSegment };
  }
  return { folder, segment, subSegment };
}

/**
 * Finds the table a data folder belongs to. A folder is `schema + '.' + table`, so when names hold '.'
 * two tables can share a folder name (`a.b` + `c` and `a` + `b.c`); that is an error rather than a guess.
 */
export function resolveDataFolder<T extends { readonly schema: string; readonly name: string }>(
  folder: string,
  tables: Iterable<T>,
): T | undefined {
  const matches: T[] = [];
  for (const table of tables) if (`${table.schema}.${table.name}` === folder) matches.push(table);
  if (matches.length > 1) {
    const names = matches.map((t) => `[${t.schema}].[${t.name}]`).join(', ');
    throw new BacpacError(
      'DATA_FOLDER_AMBIGUOUS',
      `data folder ${JSON.stringify(folder)} matches ${matches.length} tables: ${names}`,
      {
        folder,
      },
    );
  }
  return matches[0];
}
