import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { bufferSource, type RandomAccessSource } from '../../../src/bacpac/zip';
import { createBacpacFileSource } from '../../../src/source/bacpac-file';
import type { ExportSource, PartSpec } from '../../../src/source/types';
import { fixtureEntries, makeTempDir, removeTempDir, writeTestZip } from '../../bacpac/reader/package-edits';

/**
 * A package big enough to need many source reads: the devops fixture with its one 44-byte row of
 * dbo.DemoTable repeated 300,000 times (13 MB), stored uncompressed so the ZIP reader reads it in
 * 1 MiB blocks as the rows are consumed.
 */
const MiB = 1 << 20;
const REPEAT = 300_000;
const ROW_BYTES = 44;
/**
 * Read-ahead allowed per open part: each stage of the ZIP entry stream (block reads, CRC check, BCP
 * decoder input) may hold one 1 MiB block.
 */
const READ_AHEAD = 4 * MiB;
const DEMO = 'Data/dbo.DemoTable/TableData-000-00000.BCP';

/** Counts the bytes read through a source. */
function counting(inner: RandomAccessSource): RandomAccessSource & { bytesRead: number } {
  const wrapper = {
    size: inner.size,
    bytesRead: 0,
    read(offset: number, length: number) {
      wrapper.bytesRead += length;
      return inner.read(offset, length);
    },
  };
  return wrapper;
}

describe('bacpac-file source streaming', () => {
  let dir: string;
  let bytes: Buffer;
  before(async () => {
    dir = await makeTempDir();
    const entries = await fixtureEntries('devops-module12-database.bacpac');
    const big = entries.map((e) =>
      e.name === DEMO
        ? {
            name: e.name,
            data: Buffer.concat(Array(REPEAT).fill(e.data) as Buffer[]),
            method: 'store' as const,
          }
        : e,
    );
    const file = path.join(dir, 'big.bacpac');
    await writeTestZip(big, file);
    bytes = await readFile(file);
    assert.ok(bytes.length > REPEAT * ROW_BYTES);
  });
  after(async () => {
    await removeTempDir(dir);
  });

  async function firstPart(source: ExportSource): Promise<PartSpec> {
    const [table] = (await source.readSchema()).tables;
    const [part] = await source.planParts(table!, { splitRowThreshold: 1 });
    return part!;
  }

  test('all rows stream through', async () => {
    const source = createBacpacFileSource(bufferSource(bytes));
    let rows = 0;
    for await (const _row of source.openRows(await firstPart(source))) rows += 1;
    assert.equal(rows, REPEAT);
    await source.close();
  });

  test('a slow consumer holds reading back: after 10 rows and a pause, no more than the bounded read-ahead is read', async () => {
    const counter = counting(bufferSource(bytes));
    const source = createBacpacFileSource(counter);
    const part = await firstPart(source);
    const before = counter.bytesRead;
    const rows = source.openRows(part);
    let seen = 0;
    for await (const _row of rows) {
      seen += 1;
      if (seen === 10) break;
    }
    await sleep(50);
    const partRead = counter.bytesRead - before;
    assert.ok(partRead <= READ_AHEAD, `read ${partRead} bytes of the part for 10 rows`);
    assert.ok(rows.destroyed);
    await sleep(50);
    assert.equal(counter.bytesRead - before, partRead, 'nothing is read after the stream is destroyed');
    await source.close();
  });

  test('destroy mid-stream stops reading the source', async () => {
    const counter = counting(bufferSource(bytes));
    const source = createBacpacFileSource(counter);
    const part = await firstPart(source);
    const before = counter.bytesRead;
    const rows = source.openRows(part);
    let seen = 0;
    await new Promise<void>((resolve) => {
      rows.on('data', () => {
        seen += 1;
        if (seen === 30_000) {
          rows.destroy();
          resolve();
        }
      });
    });
    await sleep(50);
    const partRead = counter.bytesRead - before;
    assert.ok(
      partRead <= 30_000 * ROW_BYTES + READ_AHEAD,
      `read ${partRead} bytes after 30,000 of ${REPEAT} rows`,
    );
    await sleep(50);
    assert.equal(counter.bytesRead - before, partRead);
    await source.close();
  });

  test('aborting the signal fails the stream with AbortError and stops reading', async () => {
    const counter = counting(bufferSource(bytes));
    const source = createBacpacFileSource(counter);
    const part = await firstPart(source);
    const before = counter.bytesRead;
    const controller = new AbortController();
    const rows = source.openRows(part, { signal: controller.signal });
    let seen = 0;
    await assert.rejects(
      (async () => {
        for await (const _row of rows) {
          seen += 1;
          if (seen === 1000) controller.abort();
        }
      })(),
      { name: 'AbortError' },
    );
    await sleep(50);
    const partRead = counter.bytesRead - before;
    assert.ok(partRead <= 1000 * ROW_BYTES + READ_AHEAD, `read ${partRead} bytes`);
    assert.ok(seen < REPEAT);
    await source.close();
  });
});
