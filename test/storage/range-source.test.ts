import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openEntryStream, openZip } from '../../src/bacpac/zip';
import { openBlobRangeSource } from '../../src/storage/range-source';
import { fixturePath, readFixtureEntries } from '../helpers/fixtures';
import { withTestContainer } from '../helpers/azurite';

test('reads exact byte ranges of a blob', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('db.bacpac');
  const bytes = randomBytes(5 * 1024 * 1024 + 17);
  await blob.uploadData(bytes, { blockSize: 1024 * 1024 });

  const source = await openBlobRangeSource(blob);
  assert.equal(source.size, bytes.length);
  const ranges: [number, number][] = [
    [0, 4],
    [bytes.length - 22, 22], // where a ZIP's end-of-central-directory record sits
    [1024 * 1024 - 3, 10], // across a block boundary
    [123_456, 2 * 1024 * 1024],
    [bytes.length - 1, 1],
  ];
  for (const [offset, length] of ranges) {
    assert.deepEqual(
      await source.read(offset, length),
      bytes.subarray(offset, offset + length),
      `${offset}+${length}`,
    );
  }
  assert.equal((await source.read(bytes.length, 0)).length, 0);
});

test('refuses ranges outside the blob', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('small.bacpac');
  await blob.uploadData(Buffer.from('0123456789'));
  const source = await openBlobRangeSource(blob);
  await assert.rejects(source.read(8, 3), {
    code: 'STORAGE_INVALID_RANGE',
    message: `[STORAGE_INVALID_RANGE] ${container.containerName}/small.bacpac: cannot read 3 bytes at offset 8 from a blob of 10 bytes`,
  });
  await assert.rejects(source.read(-1, 1), { code: 'STORAGE_INVALID_RANGE' });
  assert.equal((await source.read(8, 2)).toString(), '89');
});

test('fails with STORAGE_SOURCE_CHANGED when the blob is replaced between reads', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('moving.bacpac');
  await blob.uploadData(Buffer.from('version one'));
  const source = await openBlobRangeSource(blob);
  assert.equal((await source.read(0, 7)).toString(), 'version');
  await blob.uploadData(Buffer.from('version two'));
  await assert.rejects(source.read(8, 3), {
    code: 'STORAGE_SOURCE_CHANGED',
    message: `[STORAGE_SOURCE_CHANGED] ${container.containerName}/moving.bacpac: the blob changed while it was being read (ETag ${source.etag} no longer matches)`,
  });
});

test('the ZIP reader opens a real BACPAC straight from a blob', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('Northwind.bacpac');
  await blob.uploadFile(fixturePath('Northwind.bacpac'));
  const expected = await readFixtureEntries('Northwind.bacpac'); // read by yauzl from the local file

  const zip = await openZip(await openBlobRangeSource(blob));
  assert.deepEqual(
    zip.entries.map((e) => e.name),
    [...expected.keys()],
  );
  for (const name of ['model.xml', 'Origin.xml', 'Data/dbo.Customers/TableData-000-00000.BCP']) {
    const entry = zip.getEntry(name);
    assert.ok(entry, name);
    const chunks: Buffer[] = [];
    for await (const chunk of openEntryStream(zip, entry)) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), expected.get(name), name);
  }
});
