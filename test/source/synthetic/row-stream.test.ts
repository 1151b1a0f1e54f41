import assert from 'node:assert/strict';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, test } from 'node:test';
import type { BcpRow } from '../../../src/bacpac/bcp';
import { createSyntheticSource } from '../../../src/source/synthetic';
import { createRowStream } from '../../../src/source/synthetic/row-stream';
import { tableNamed, wholeTable } from './synthetic-helpers';

/** The row stream makes rows only as fast as they are read, and stops when destroyed or aborted. */
function counted(limit: number): { made: () => number; rowAt: (i: number) => BcpRow } {
  let made = 0;
  return {
    made: () => made,
    rowAt: (i) => {
      made += 1;
      assert.ok(i < limit);
      return [i];
    },
  };
}

describe('synthetic row stream', () => {
  test('does not generate far ahead of a slow reader', async () => {
    const rows = counted(1_000_000);
    const stream = createRowStream(rows.rowAt, 0, 1_000_000, { table: 't', highWaterMark: 16 });
    let read = 0;
    for await (const _ of stream) {
      read += 1;
      assert.ok(rows.made() - read <= 17, `made ${rows.made()} rows for ${read} read`);
      if (read % 10 === 0) await delay(1);
      if (read === 100) break;
    }
    assert.ok(rows.made() <= 117);
  });

  test('a paused stream stops at its high-water mark', async () => {
    const source = createSyntheticSource({ profile: 'bench', targetBytes: 20_000_000 });
    const table = (await source.readSchema()).tables[0];
    assert.ok(table !== undefined);
    const stream = source.openRows(wholeTable(table));
    stream.pause();
    stream.read(0);
    await delay(20);
    assert.ok(stream.readableLength <= stream.readableHighWaterMark, `buffered ${stream.readableLength}`);
    assert.ok(Number(table.estimatedRows) > 10_000);
    stream.destroy();
    await once(stream, 'close');
  });

  test('destroy stops generation', async () => {
    const rows = counted(1_000_000);
    const stream = createRowStream(rows.rowAt, 0, 1_000_000, { table: 't', highWaterMark: 8 });
    stream.once('data', () => stream.destroy());
    await once(stream, 'close');
    const made = rows.made();
    await delay(10);
    assert.equal(rows.made(), made);
    assert.ok(made <= 20);
  });

  test('aborting the signal destroys the stream with SYNTHETIC_ABORTED', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'SalesOrder');
    const controller = new AbortController();
    const stream = source.openRows(wholeTable(table), { signal: controller.signal });
    let read = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of stream) {
          read += 1;
          if (read === 5) controller.abort();
        }
      })(),
      /^SyntheticSourceError: \[SYNTHETIC_ABORTED\] \[sales\]\.\[SalesOrder\]: row generation aborted/,
    );
    assert.ok(read < 100);
  });

  test('an already aborted signal gives no rows', async () => {
    const source = createSyntheticSource();
    const table = tableNamed((await source.readSchema()).tables, 'sales', 'Customer');
    const stream = source.openRows(wholeTable(table), { signal: AbortSignal.abort() });
    await assert.rejects(async () => {
      for await (const _ of stream) assert.fail('no row expected');
    }, /SYNTHETIC_ABORTED/);
  });

  test('an error while making a row destroys the stream with that error', async () => {
    const stream = createRowStream(
      (i) => {
        if (i === 3) throw new Error('boom at 3');
        return [i];
      },
      0,
      10,
      { table: 't' },
    );
    const seen: unknown[] = [];
    await assert.rejects(async () => {
      for await (const row of stream) seen.push((row as BcpRow)[0]);
    }, /boom at 3/);
    assert.ok(seen.length <= 3);
  });
});
