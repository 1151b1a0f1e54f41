import { Int, NVarChar } from 'mssql';
import type { RawRow } from './catalog/row-fields';
import type { SqlPool } from './connection/connector';
import { toSourceError } from './errors';

/** Runs one query on a pool with named parameters (numbers as int, text as nvarchar(776)) and maps its rows. */
export async function runQuery<T>(
  pool: SqlPool,
  sql: string,
  read: (row: RawRow) => T,
  what: string,
  inputs: Readonly<Record<string, string | number>> = {},
): Promise<T[]> {
  try {
    const request = pool.request();
    for (const [name, value] of Object.entries(inputs)) {
      if (typeof value === 'number') request.input(name, Int, value);
      else request.input(name, NVarChar(776), value);
    }
    const result = await request.query(sql);
    return (result.recordset as readonly RawRow[]).map(read);
  } catch (error) {
    throw toSourceError(error, what);
  }
}
