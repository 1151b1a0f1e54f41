import type { BcpRow } from '../../src/bacpac/bcp/types';
import { bcpColumnsOf, sortTopLevel, type DatabaseModel } from '../../src/bacpac/model';
import { DATABASE_OPTIONS, DEFAULT_GRANTS, MODEL_HEADER } from '../../src/source/synthetic/database-skeleton';
import { createRowStream } from '../../src/source/synthetic/row-stream';
import type { SyntheticTable } from '../../src/source/synthetic/synthetic-table';
import { tableElement } from '../../src/source/synthetic/table-element';
import type { ExportSource, SourceTable } from '../../src/source/types';

const TABLE = '[dbo].[Blobs]';

/** BCP bytes of one row: int `Id` (4 bytes, no prefix) and varbinary(max) `Payload` (8-byte length prefix). */
export function repeatedRowBytes(payloadBytes: number): number {
  return 4 + 8 + payloadBytes;
}

/**
 * A source of one table, `[dbo].[Blobs]` (Id int, Payload varbinary(max)), whose `rows` rows all carry
 * the same payload: BCP data of any size that deflates about a thousandfold, so a part far beyond
 * 4 GiB uncompressed costs only seconds of deflate and a few MB of staging. One part per table.
 */
export function createRepeatedRowsSource(rows: number, payload: Buffer): ExportSource {
  const rowAt = (index: number): BcpRow => [index + 1, payload];
  const table: SyntheticTable = {
    schema: 'dbo',
    name: 'Blobs',
    qualifiedName: TABLE,
    columns: [
      { name: 'Id', type: { name: 'int' }, nullable: false },
      { name: 'Payload', type: { name: 'varbinary', isMax: true }, nullable: false },
    ],
    rowCount: rows,
    rowAt,
  };
  const model: DatabaseModel = {
    header: MODEL_HEADER,
    databaseOptions: DATABASE_OPTIONS,
    elements: sortTopLevel([...DEFAULT_GRANTS, tableElement(table)]),
  };
  const described: SourceTable = {
    schema: 'dbo',
    name: 'Blobs',
    columns: bcpColumnsOf(model, TABLE),
    estimatedRows: String(rows),
    estimatedBytes: String(BigInt(rows) * BigInt(repeatedRowBytes(payload.length))),
  };
  return {
    readSchema: () =>
      Promise.resolve({
        model,
        tables: [described],
        databaseName: 'RepeatedRows',
        serverVersion: 'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)',
        findings: [],
        consistent: true,
      }),
    planParts: () =>
      Promise.resolve([{ schema: 'dbo', table: 'Blobs', segment: 0, estimatedRows: String(rows) }]),
    openRows: (_part, options) =>
      createRowStream(rowAt, 0, rows, {
        table: TABLE,
        highWaterMark: 4,
        ...(options?.signal === undefined ? {} : { signal: options.signal }),
      }),
    close: () => Promise.resolve(),
  };
}
