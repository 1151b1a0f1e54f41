import { MssqlSourceError } from '../errors';

/** Typed readers for the columns of catalog rows, failing with the query and column named. */
export type RawRow = Readonly<Record<string, unknown>>;

function bad(query: string, column: string, expected: string, value: unknown): MssqlSourceError {
  return new MssqlSourceError(
    'SQL_CATALOG',
    `${query}: column ${column} should be ${expected}, found ${value === null ? 'NULL' : typeof value}`,
  );
}

export function str(row: RawRow, column: string, query: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw bad(query, column, 'text', v);
  return v;
}

export function optStr(row: RawRow, column: string, query: string): string | undefined {
  const v = row[column];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') throw bad(query, column, 'text or NULL', v);
  return v;
}

export function num(row: RawRow, column: string, query: string): number {
  const v = row[column];
  if (typeof v !== 'number') throw bad(query, column, 'a number', v);
  return v;
}

export function optNum(row: RawRow, column: string, query: string): number | undefined {
  const v = row[column];
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'number') throw bad(query, column, 'a number or NULL', v);
  return v;
}

export function bool(row: RawRow, column: string, query: string): boolean {
  const v = row[column];
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  if (v === null || v === undefined) return false;
  throw bad(query, column, 'a bit', v);
}
