import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BcpRow } from '../../../src/bacpac/bcp/types';
import { createRowStream } from '../../../src/source/mssql/row-stream';
import type { StartedQuery } from '../../../src/source/mssql/row-stream';

/**
 * A stand-in for a streaming mssql Request that behaves like tedious: while paused it emits no
 * rows; it emits `total` rows then `done`, and records pause/resume/cancel calls.
 */
class FakeRequest extends EventEmitter {
  paused = false;
  cancelled = false;
  pauses = 0;
  resumes = 0;
  next = 0;
  maxBufferedWhilePaused = 0;
  constructor(readonly total: number) {
    super();
  }
  pump(): void {
    setImmediate(() => {
      while (!this.paused && !this.cancelled && this.next < this.total) {
        this.next++;
        this.emit('row', [this.next]);
      }
      if (this.next >= this.total && !this.cancelled) this.emit('done');
    });
  }
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
    this.resumes++;
    this.pump();
  }
  cancel(): void {
    this.cancelled = true;
  }
}

function fakeStart(request: FakeRequest, releases: string[]): () => Promise<StartedQuery> {
  return () => {
    request.pump();
    return Promise.resolve({
      request,
      release: () => {
        releases.push('released');
        return Promise.resolve();
      },
    });
  };
}

const toRow = (values: readonly unknown[]): BcpRow => [values[0] as number];

test('a slow consumer pauses the query and every row arrives in order', async () => {
  const request = new FakeRequest(2000);
  const releases: string[] = [];
  const stream = createRowStream(fakeStart(request, releases), toRow, {
    objectName: '[dbo].[T]',
    highWaterMark: 16,
  });
  const seen: number[] = [];
  let maxBuffered = 0;
  await pipeline(
    stream,
    new Writable({
      objectMode: true,
      highWaterMark: 1,
      write(row: BcpRow, _enc, cb) {
        seen.push(row[0] as number);
        maxBuffered = Math.max(maxBuffered, stream.readableLength);
        setImmediate(cb);
      },
    }),
  );
  assert.equal(seen.length, 2000);
  assert.deepEqual(seen.slice(0, 3), [1, 2, 3]);
  assert.equal(seen[1999], 2000);
  assert.ok(request.pauses > 10, `expected many pauses, saw ${request.pauses}`);
  assert.ok(request.resumes > 10, `expected many resumes, saw ${request.resumes}`);
  assert.ok(maxBuffered <= 17, `buffer stayed bounded (saw ${maxBuffered})`);
  assert.deepEqual(releases, ['released']);
  assert.equal(request.cancelled, false);
});

test('destroying the stream cancels the query and releases the connection', async () => {
  const request = new FakeRequest(1_000_000);
  const releases: string[] = [];
  const stream = createRowStream(fakeStart(request, releases), toRow, {
    objectName: '[dbo].[T]',
    highWaterMark: 4,
  });
  const first = await new Promise<BcpRow>((resolve) => stream.once('data', resolve));
  assert.deepEqual(first, [1]);
  stream.destroy();
  await new Promise((resolve) => stream.once('close', resolve));
  assert.equal(request.cancelled, true);
  assert.deepEqual(releases, ['released']);
});

test('aborting the signal cancels the query with a coded error', async () => {
  const request = new FakeRequest(1_000_000);
  const controller = new AbortController();
  const stream = createRowStream(fakeStart(request, []), toRow, {
    objectName: '[dbo].[T] part 2',
    signal: controller.signal,
    highWaterMark: 4,
  });
  stream.once('data', () => controller.abort());
  await assert.rejects(
    pipeline(stream, new Writable({ objectMode: true, write: (_r, _e, cb) => setImmediate(cb) })),
    /\[SQL_ABORTED\] reading \[dbo\]\.\[T\] part 2 was aborted/,
  );
  assert.equal(request.cancelled, true);
});

test('a server error mid-stream fails the stream with its number and message', async () => {
  const request = new FakeRequest(0);
  const stream = createRowStream(
    () => {
      setImmediate(() => {
        request.emit('row', [1]);
        request.emit(
          'error',
          Object.assign(new Error('The SELECT permission was denied on the object'), { number: 229 }),
        );
      });
      return Promise.resolve({ request, release: () => Promise.resolve() });
    },
    toRow,
    { objectName: '[dbo].[T]' },
  );
  await assert.rejects(
    pipeline(stream, new Writable({ objectMode: true, write: (_r, _e, cb) => cb() })),
    /^MssqlSourceError: \[SQL_ERROR\] 229 The SELECT permission was denied on the object \(reading \[dbo\]\.\[T\] after row 1\)/,
  );
});

test('a conversion error names the row and stops the query', async () => {
  const request = new FakeRequest(10);
  const stream = createRowStream(
    fakeStart(request, []),
    (_values, n) => {
      if (n === 3) throw new Error('bad value at row 3');
      return [n];
    },
    { objectName: '[dbo].[T]' },
  );
  await assert.rejects(
    pipeline(stream, new Writable({ objectMode: true, write: (_r, _e, cb) => cb() })),
    /bad value at row 3/,
  );
  assert.equal(request.cancelled, true);
});
