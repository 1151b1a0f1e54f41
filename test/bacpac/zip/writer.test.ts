import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { createEntryCompressor } from '../../../src/bacpac/zip/entry-compressor';
import { openEntryStream, openRawEntryStream } from '../../../src/bacpac/zip/entry-stream';
import { layoutZip } from '../../../src/bacpac/zip/layout';
import { prepareBufferEntry, type PreparedEntry } from '../../../src/bacpac/zip/prepared-entry';
import { bufferSource } from '../../../src/bacpac/zip/random-access-source';
import { openZip, type ZipArchive } from '../../../src/bacpac/zip/reader';
import { writeZip } from '../../../src/bacpac/zip/writer';
import { collect, CollectingSink, fixturePath, readWithYauzl } from './zip-test-helpers';

const when = new Date(2025, 2, 30, 9, 50, 50);

/** A data part compressed by the streaming compressor, as a worker would produce it. */
async function compressedPart(name: string, raw: Buffer): Promise<PreparedEntry> {
  const compressor = createEntryCompressor({ method: 'deflate' });
  const sink = new CollectingSink(1 << 20);
  await pipeline(Readable.from([raw], { objectMode: false }), compressor, sink);
  const stored = sink.bytes();
  return {
    name,
    modified: when,
    ...compressor.result(),
    open: () => Readable.from([stored], { objectMode: false }),
  };
}

async function sampleParts(): Promise<{ entries: PreparedEntry[]; raw: Map<string, Buffer> }> {
  const raw = new Map<string, Buffer>([
    ['model.xml', Buffer.from('\ufeff<?xml version="1.0" encoding="utf-8"?><DataSchemaModel />'.repeat(200))],
    ['DacMetadata.xml', Buffer.from('<DacType><Name>db</Name></DacType>')],
    ['Data/dbo.Order%20Details/TableData-000-00000.BCP', randomBytes(200_000)],
    ['Origin.xml', Buffer.from('<DacOrigin />')],
    ['_rels/.rels', Buffer.from('<Relationships />')],
    ['[Content_Types].xml', Buffer.alloc(0)],
  ]);
  const entries = [
    prepareBufferEntry('model.xml', raw.get('model.xml')!, 'deflate', 9, when),
    prepareBufferEntry('DacMetadata.xml', raw.get('DacMetadata.xml')!, 'deflate', undefined, when),
    await compressedPart(
      'Data/dbo.Order%20Details/TableData-000-00000.BCP',
      raw.get('Data/dbo.Order%20Details/TableData-000-00000.BCP')!,
    ),
    prepareBufferEntry('Origin.xml', raw.get('Origin.xml')!, 'deflate', undefined, when),
    prepareBufferEntry('_rels/.rels', raw.get('_rels/.rels')!, 'store', undefined, when),
    prepareBufferEntry('[Content_Types].xml', raw.get('[Content_Types].xml')!, 'store', undefined, when),
  ];
  return { entries, raw };
}

async function writeToBuffer(
  entries: Iterable<PreparedEntry> | AsyncIterable<PreparedEntry>,
  forceZip64 = false,
): Promise<Buffer> {
  const sink = new CollectingSink();
  await writeZip(entries, sink, { forceZip64 });
  return sink.bytes();
}

async function readWithOurs(zip: ZipArchive): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of zip.entries) out.set(entry.name, await collect(openEntryStream(zip, entry)));
  return out;
}

describe('writeZip', () => {
  for (const forceZip64 of [false, true]) {
    test(`output read back by yauzl and by our reader${forceZip64 ? ' (forced ZIP64)' : ''}`, async () => {
      const { entries, raw } = await sampleParts();
      const bytes = await writeToBuffer(entries, forceZip64);
      const viaYauzl = await readWithYauzl(bytes);
      assert.deepEqual(
        viaYauzl.map((e) => e.name),
        [...raw.keys()],
      );
      for (const entry of viaYauzl) {
        assert.deepEqual(entry.data, raw.get(entry.name), entry.name);
        assert.equal(entry.crc32, zlib.crc32(raw.get(entry.name)!), entry.name);
      }
      assert.deepEqual(
        viaYauzl.map((e) => e.method),
        [8, 8, 8, 8, 0, 0],
      );
      const zip = await openZip(bufferSource(bytes));
      assert.equal(zip.zip64, forceZip64);
      assert.deepEqual(
        zip.entries.map((e) => e.zip64),
        new Array<boolean>(6).fill(forceZip64),
      );
      assert.deepEqual(
        zip.entries.map((e) => e.versionNeeded),
        new Array<number>(6).fill(forceZip64 ? 45 : 20),
      );
      assert.deepEqual(await readWithOurs(zip), raw);
    });
  }

  test('writes exactly the bytes layoutZip computes, taking entries from an async iterable', async () => {
    const { entries } = await sampleParts();
    async function* produce(): AsyncGenerator<PreparedEntry> {
      for (const entry of entries) {
        await new Promise((resolve) => setImmediate(resolve));
        yield entry;
      }
    }
    const written = await writeToBuffer(produce());
    const layout = layoutZip(entries);
    const stored = await Promise.all(entries.map((e) => collect(e.open())));
    const expected = Buffer.concat([
      ...layout.entries.flatMap((e, i) => [e.localHeader, stored[i]!]),
      layout.trailer,
    ]);
    assert.deepEqual(written, expected);
    assert.equal(written.length, layout.totalSize);
  });

  test('rebuilds the [S] fixture byte for byte from its entries metadata and stored bytes', async () => {
    const original = await readFile(fixturePath('spss-2025-3-30-9-48.bacpac'));
    const zip = await openZip(bufferSource(original));
    const rebuilt = await writeToBuffer(
      zip.entries.map((e) => ({
        name: e.name,
        method: e.method === 8 ? ('deflate' as const) : ('store' as const),
        crc32: e.crc32,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        modified: e.modified,
        open: () => openRawEntryStream(zip, e),
      })),
    );
    assert.equal(
      createHash('sha256').update(rebuilt).digest('hex'),
      'e4fb17071efa264cd7daa7af514faaf07ca32e81a5c7a1a3080c89586e77d9c3', // SOURCES.md
    );
  });

  for (const fixture of [
    'bacpactod-Test.bacpac',
    'Northwind.bacpac',
    'imdb1000.bacpac',
    'devops-module12-database.bacpac',
  ]) {
    test(`re-zipping ${fixture}'s stored bytes gives entries yauzl and our reader read byte-identical`, async () => {
      const original = await readFile(fixturePath(fixture));
      const zip = await openZip(bufferSource(original));
      const rebuilt = await writeToBuffer(
        zip.entries.map((e) => ({
          name: e.name,
          method: e.method === 8 ? ('deflate' as const) : ('store' as const),
          crc32: e.crc32,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          modified: e.modified,
          open: () => openRawEntryStream(zip, e),
        })),
      );
      const before = await readWithYauzl(original);
      const after = await readWithYauzl(rebuilt);
      assert.deepEqual(
        after.map((e) => e.name),
        before.map((e) => e.name),
      );
      after.forEach((entry, i) => {
        assert.deepEqual(entry.data, before[i]!.data, entry.name);
        assert.equal(zlib.crc32(entry.data), before[i]!.crc32, entry.name);
      });
      const ours = await readWithOurs(await openZip(bufferSource(rebuilt)));
      assert.deepEqual(
        [...ours.values()],
        before.map((e) => e.data),
      );
    });
  }

  test('70000 entries: ZIP64 end records for the count, read back by yauzl and by our reader', async () => {
    const count = 70_000;
    const entries: PreparedEntry[] = Array.from({ length: count }, (_, i) => ({
      name: `Data/dbo.T/TableData-${String(i).padStart(5, '0')}.BCP`,
      method: 'store',
      crc32: 0,
      compressedSize: 0,
      uncompressedSize: 0,
      modified: when,
      open: () => Readable.from([], { objectMode: false }),
    }));
    const bytes = await writeToBuffer(entries);
    assert.equal(bytes.readUInt16LE(bytes.length - 22 + 10), 0xffff); // EOCD: total number of entries
    const viaYauzl = await readWithYauzl(bytes);
    assert.equal(viaYauzl.length, count);
    assert.equal(viaYauzl[count - 1]!.name, 'Data/dbo.T/TableData-69999.BCP');
    const zip = await openZip(bufferSource(bytes));
    assert.equal(zip.zip64, true);
    assert.equal(zip.entries.length, count);
    assert.equal(zip.entries.filter((e) => e.zip64).length, 0);
  });

  test('an entry whose stream gives fewer or more bytes than compressedSize fails naming it', async () => {
    const part = prepareBufferEntry(
      'Data/dbo.T/TableData-000-00000.BCP',
      Buffer.from('abcdef'),
      'store',
      undefined,
      when,
    );
    await assert.rejects(
      writeToBuffer([{ ...part, compressedSize: 10, uncompressedSize: 10 }]),
      /^BacpacError: \[ZIP_SIZE_MISMATCH\] entry "Data\/dbo.T\/TableData-000-00000.BCP": expected 10 stored bytes, the data stream gave 6$/,
    );
    await assert.rejects(
      writeToBuffer([{ ...part, compressedSize: 4, uncompressedSize: 4 }]),
      /\[ZIP_SIZE_MISMATCH\] entry "Data\/dbo.T\/TableData-000-00000.BCP": expected 4 stored bytes, the data stream gave more \(at least 6\)/,
    );
  });

  test('a name outside printable ASCII is refused before anything is written', async () => {
    const sink = new CollectingSink();
    const part = prepareBufferEntry(
      'Data/dbo.Caf\u00e9/TableData-000-00000.BCP',
      Buffer.from('x'),
      'store',
      undefined,
      when,
    );
    await assert.rejects(writeZip([part], sink), /\[ZIP_BAD_NAME\]/);
    assert.equal(sink.bytes().length, 0);
  });

  test('waits for the sink: a slow sink holds a few chunks at most, never the 4 MiB entry', async () => {
    const stored = randomBytes(4 << 20);
    const chunkSize = 64 * 1024;
    const big: PreparedEntry = {
      ...prepareBufferEntry('Data/dbo.Big/TableData-000-00000.BCP', stored, 'store', undefined, when),
      open: () =>
        Readable.from(
          Array.from({ length: stored.length / chunkSize }, (_, i) =>
            stored.subarray(i * chunkSize, (i + 1) * chunkSize),
          ),
          { objectMode: false },
        ),
    };
    const sink = new CollectingSink(16 * 1024);
    await writeZip([big], sink);
    // A Readable's async iterator may hand over what it has buffered (here up to two chunks) in one read.
    assert.ok(sink.maxBuffered <= 16 * 1024 + 2 * chunkSize, `sink buffered ${sink.maxBuffered} bytes`);
    assert.deepEqual((await readWithYauzl(sink.bytes()))[0]!.data, stored);
  });
});
