import { BacpacError } from '../errors';
import { escapePartNameSegment, unescapePartNameSegment } from './part-name-escaping';

/**
 * Names of the data parts: `Data/<schema>.<table>/TableData-NNN-MMMMM.BCP`, stored in the ZIP in their
 * escaped OPC form (see part-name-escaping.ts). NNN is the key-range segment, MMMMM a second number that
 * was 00000 in every real file.
 */
const MAX_SEGMENT = 999;
const MAX_SUB_SEGMENT = 99999;

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
