import type { Readable } from 'node:stream';
import type { BcpRow } from '../../bacpac/bcp/types';
import type { OpenRowsOptions, PartSpec } from '../types';
import { toBcpColumn } from './catalog/bcp-column';
import { columnsSql, readColumnRow } from './catalog/columns';
import type { SqlConnector } from './connection/connector';
import type { RetryPolicy } from './connection/retry';
import { withRetry } from './connection/retry';
import { MssqlSourceError } from './errors';
import { ORDER_KEY_SQL, readOrderKeyColumn } from './planning/key-info';
import { isMssqlKeyRange, rangePredicate } from './planning/key-range';
import { quoteName, quoteTwoPart } from './quote';
import { createRowStream } from './row-stream';
import { runQuery } from './run-query';
import { columnReader, rowReader } from './values/column-reader';

export interface OpenRowsSettings {
  readonly connector: SqlConnector;
  readonly retry: RetryPolicy;
  readonly snapshot: boolean;
}

/**
 * Streams one part: reads the table's columns and clustered key, then
 * `SELECT <column expressions> FROM [s].[t] [WHERE <key range>] ORDER BY <clustered key>` as a
 * paused/resumed row stream (SNAPSHOT isolation first when asked for).
 */
export function openPartRows(
  settings: OpenRowsSettings,
  part: PartSpec,
  options?: OpenRowsOptions,
): Readable {
  const qualified = quoteTwoPart(part.schema, part.table);
  const objectName = `${qualified} part ${part.segment}`;
  let convert: ((values: readonly unknown[], n: number) => BcpRow) | undefined;
  return createRowStream(
    () =>
      withRetry(async () => {
        const pool = await settings.connector.connect(`reading ${objectName}`);
        try {
          const columns = (
            await runQuery(
              pool,
              columnsSql('t.object_id = OBJECT_ID(@table)'),
              readColumnRow,
              `reading the columns of ${qualified}`,
              {
                table: qualified,
              },
            )
          ).filter((c) => !c.isComputed);
          if (columns.length === 0)
            throw new MssqlSourceError('SQL_CATALOG', `table ${qualified} was not found or has no columns`);
          const orderKey = await runQuery(
            pool,
            ORDER_KEY_SQL,
            readOrderKeyColumn,
            `reading the key of ${qualified}`,
            {
              table: qualified,
            },
          );
          const readers = columns.map((c) => columnReader(toBcpColumn(c)));
          convert = rowReader(readers, qualified);
          const where = isMssqlKeyRange(part.range) ? rangePredicate(part.range) : undefined;
          const orderBy = orderKey
            .map((k) => `${quoteName(k.columnName)}${k.isDescending ? ' DESC' : ''}`)
            .join(', ');
          const sql =
            (settings.snapshot ? 'SET TRANSACTION ISOLATION LEVEL SNAPSHOT;\n' : '') +
            `SELECT ${readers.flatMap((r) => r.expressions).join(', ')} FROM ${qualified}` +
            (where !== undefined ? ` WHERE ${where}` : '') +
            (orderBy !== '' ? ` ORDER BY ${orderBy}` : '') +
            ';';
          const request = pool.request();
          request.stream = true;
          request.arrayRowMode = true;
          void request.query(sql).catch(() => undefined); // rows and errors arrive as events
          return { request, release: () => pool.close().then(() => undefined) };
        } catch (error) {
          await pool.close().catch(() => undefined);
          throw error;
        }
      }, settings.retry),
    (values, n) => {
      if (convert === undefined) throw new MssqlSourceError('SQL_VALUE', `${objectName}: row before columns`);
      return convert(values, n);
    },
    { objectName, ...(options?.signal ? { signal: options.signal } : {}) },
  );
}
