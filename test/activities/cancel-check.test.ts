import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { test } from 'node:test';
import { CancelCheck } from '../../src/activities/cancel-check';
import { createBcpEncoder, type BcpColumn } from '../../src/bacpac/bcp';

const COLUMNS: readonly BcpColumn[] = [{ name: 'Id', type: 'int', nullable: false }];

function rows(count: number): Readable {
  return Readable.from(Array.from({ length: count }, (_, i) => [i]));
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}

test('the encoder holds a row for its checkpoint and fails with the checkpoint error', async () => {
  let calls = 0;
  const encoder = createBcpEncoder({
    table: 'dbo.T',
    columns: COLUMNS,
    checkpoint: () => {
      calls += 1;
      if (calls === 2) return new Promise((resolve) => setTimeout(resolve, 5));
      if (calls === 4) return Promise.reject(new Error('stop here'));
      return undefined;
    },
  });
  await assert.rejects(pipeline(rows(10), encoder, discard()), { message: 'stop here' });
  assert.equal(encoder.rows, 3, 'three rows encoded before the fourth was refused');
});

test('a cancel is noticed within 64 rows of the interval passing, and only asked once per interval', async () => {
  let asked = 0;
  let cancelled = false;
  const check = new CancelCheck(
    0,
    () => {
      asked += 1;
      return Promise.resolve(cancelled);
    },
    () => new Error('[EXPORT_CANCELLED] run r'),
  );
  const encoder = createBcpEncoder({ table: 'dbo.T', columns: COLUMNS, checkpoint: check.checkpoint });
  await pipeline(rows(640), encoder, discard());
  assert.equal(encoder.rows, 640);
  assert.equal(asked, 10, 'asked once per 64 rows when the interval is 0');

  cancelled = true;
  const stopped = createBcpEncoder({ table: 'dbo.T', columns: COLUMNS, checkpoint: check.checkpoint });
  await assert.rejects(pipeline(rows(1000), stopped, discard()), { message: /^\[EXPORT_CANCELLED\]/ });
  assert.ok(stopped.rows < 64, `stopped after ${stopped.rows} rows`);

  let slowAsked = 0;
  const hourly = new CancelCheck(
    3_600_000,
    () => {
      slowAsked += 1;
      return Promise.resolve(true);
    },
    () => new Error('never'),
  );
  const quiet = createBcpEncoder({ table: 'dbo.T', columns: COLUMNS, checkpoint: hourly.checkpoint });
  await pipeline(rows(5000), quiet, discard());
  assert.equal(slowAsked, 0, 'not asked before the interval has passed');
});
