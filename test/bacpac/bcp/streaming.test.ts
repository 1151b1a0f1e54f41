import assert from 'node:assert/strict';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { createBcpDecoder, createBcpEncoder, decodeBcpRows } from '../../../src/bacpac/bcp';
import type { BcpColumn, BcpRow } from '../../../src/bacpac/bcp';
import { readModelColumns } from '../../helpers/fixture-columns';
import { readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';
import { col } from './codec-helpers';

/** The stream encoder and decoder: arbitrary chunk boundaries, truncation, backpressure. */
async function decodeChunks(
  chunks: Buffer[],
  columns: readonly BcpColumn[],
  table: string,
): Promise<BcpRow[]> {
  const decoder = createBcpDecoder({ table, columns });
  const rows: BcpRow[] = [];
  const source = Readable.from(chunks);
  source.pipe(decoder);
  for await (const row of decoder) rows.push(row as BcpRow);
  return rows;
}

function bytewise(data: Buffer): Buffer[] {
  return Array.from({ length: data.length }, (_, i) => data.subarray(i, i + 1));
}

describe('decoder stream', () => {
  test('fed one byte at a time, every part of bacpactod-Test gives the same rows', async () => {
    const fixture = 'bacpactod-Test.bacpac';
    const columns = readModelColumns(await readFixtureEntry(fixture, 'model.xml'));
    let rows = 0;
    for (const part of await readFixtureDataParts(fixture)) {
      const tableColumns = columns.get(part.table);
      assert.ok(tableColumns);
      const expected = [...decodeBcpRows(part.data, tableColumns, part.table)];
      const actual = await decodeChunks(bytewise(part.data), tableColumns, part.table);
      assert.deepEqual(actual, expected, part.table);
      rows += actual.length;
    }
    assert.equal(rows, 173);
  });

  test('a 1.5 MB varbinary(max) value arriving in 1,000-byte chunks', async () => {
    const columns = [col('int', false), col('varbinary', true, { isMax: true })];
    const value = randomBytes(1_500_000);
    const data = Buffer.concat([
      Buffer.from('01000000', 'hex'),
      Buffer.alloc(8),
      value,
      Buffer.from('02000000', 'hex'),
      Buffer.alloc(8, 0xff),
    ]);
    data.writeUInt32LE(value.length, 4);
    const chunks = Array.from({ length: Math.ceil(data.length / 1000) }, (_, i) =>
      data.subarray(i * 1000, i * 1000 + 1000),
    );
    const rows = await decodeChunks(chunks, columns, 'dbo.Blobs');
    assert.deepEqual(rows, [
      [1, value],
      [2, null],
    ]);
  });

  test('a stream that ends inside a row fails with BCP_TRUNCATED naming table, row and column', async () => {
    const fixture = 'bacpactod-Test.bacpac';
    const columns = readModelColumns(await readFixtureEntry(fixture, 'model.xml')).get('dbo.NumberFields1');
    const part = (await readFixtureDataParts(fixture)).find((p) => p.table === 'dbo.NumberFields1');
    assert.ok(columns && part);
    const cut = part.data.subarray(0, part.data.length - 1);
    await assert.rejects(
      decodeChunks([cut], columns, 'dbo.NumberFields1'),
      /^BacpacError: \[BCP_TRUNCATED\] dbo\.NumberFields1 row 17 column Field_uniqueidentifier: /,
    );
    assert.throws(
      () => [...decodeBcpRows(cut, columns, 'dbo.NumberFields1')],
      /^BacpacError: \[BCP_TRUNCATED\] dbo\.NumberFields1 row 17 column Field_uniqueidentifier: /,
    );
  });

  test('an impossible length prefix fails with BCP_BAD_LENGTH', async () => {
    const columns = [col('int', false), col('int', true, { name: 'Qty' })];
    await assert.rejects(
      // Row 1: ID 1, Qty 1. Row 2: ID 2, then prefix 07 where an int field needs 04 or FF.
      decodeChunks([Buffer.from('01000000040100000002000000070100000000000000', 'hex')], columns, 'dbo.T'),
      /^BacpacError: \[BCP_BAD_LENGTH\] dbo\.T row 2 column Qty: impossible length 7 \(prefix 0x07\) for int/,
    );
    const oddUtf16 = Buffer.from('0300616200', 'hex');
    assert.throws(
      () => [...decodeBcpRows(oddUtf16, [col('nvarchar', true, { length: 4 })], 'dbo.T')],
      /\[BCP_BAD_LENGTH\]/,
    );
    const tooLong = Buffer.from('0a00' + '00'.repeat(10), 'hex');
    assert.throws(
      () => [...decodeBcpRows(tooLong, [col('nvarchar', true, { length: 4 })], 'dbo.T')],
      /\[BCP_BAD_LENGTH\]/,
    );
  });
});

describe('encoder stream', () => {
  const columns = [
    col('int', false),
    col('nvarchar', true, { length: 100 }),
    col('decimal', false, { precision: 18, scale: 2 }),
  ];
  const row = (i: number): BcpRow => [i, `row ${i} `.repeat(5), `${i}.25`];
  const chunkSize = 4096;

  test('respects backpressure: write() returns false and buffered bytes stay bounded', async () => {
    const encoder = createBcpEncoder({ table: 'dbo.T', columns, chunkSize });
    let accepted = 0;
    while (accepted < 10_000 && encoder.write(row(accepted))) accepted += 1;
    assert.ok(accepted < 200, `stopped accepting rows after ${accepted}`);
    assert.ok(encoder.readableLength <= 2 * chunkSize + 200, `buffered ${encoder.readableLength} bytes`);

    const total = 20_000;
    let maxBuffered = 0;
    const received: Buffer[] = [];
    const consuming = (async (): Promise<void> => {
      for await (const chunk of encoder) {
        received.push(chunk as Buffer);
        maxBuffered = Math.max(maxBuffered, encoder.readableLength);
        await sleep(0);
      }
    })();
    let falseCount = 1;
    for (let i = accepted + 1; i < total; i++) {
      maxBuffered = Math.max(maxBuffered, encoder.readableLength);
      if (!encoder.write(row(i))) {
        falseCount += 1;
        await once(encoder, 'drain');
      }
    }
    encoder.end();
    await consuming;
    assert.ok(falseCount > 10, `write() returned false ${falseCount} times`);
    assert.ok(
      maxBuffered <= 2 * chunkSize + 200,
      `at most ${maxBuffered} bytes waited in the readable buffer`,
    );
    const decoded = [...decodeBcpRows(Buffer.concat(received), columns, 'dbo.T')];
    assert.equal(decoded.length, total);
    assert.deepEqual(decoded[12345], row(12345));
  });

  test('a row that does not fit fails the stream with its row number', async () => {
    const encoder = createBcpEncoder({ table: 'dbo.T', columns, chunkSize });
    const source = Readable.from([row(1), row(2), [3, 'x', '1.234']]);
    source.pipe(encoder);
    await assert.rejects(
      (async () => {
        for await (const chunk of encoder) void chunk;
      })(),
      /^BacpacError: \[BCP_DECIMAL_SCALE\] dbo\.T row 3 column C: /,
    );
  });
});
