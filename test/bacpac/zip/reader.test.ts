import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { openEntryStream, openRawEntryStream } from '../../../src/bacpac/zip/entry-stream';
import { bufferSource, fileSource } from '../../../src/bacpac/zip/random-access-source';
import { openZip, type ZipArchive } from '../../../src/bacpac/zip/reader';
import { collect, CollectingSink, fixturePath, hex, readWithYauzl } from './zip-test-helpers';
import { readFile } from 'node:fs/promises';

type Family = 'F' | 'C';
interface FixtureFacts {
  readonly file: string;
  readonly family: Family;
  readonly entryCount: number;
  readonly versionMadeBy: number;
  readonly flags: number;
  /** Entries stored rather than deflated. */
  readonly stored: readonly string[];
}

// Facts from bacpac-format.md 1.2-1.3 and the fixtures' SOURCES.md.
const FIXTURES: readonly FixtureFacts[] = [
  {
    file: 'bacpactod-Test.bacpac',
    family: 'F',
    entryCount: 30,
    versionMadeBy: 0x002d,
    flags: 0,
    stored: ['_rels/.rels', 'Origin.xml'],
  },
  {
    file: 'AdventureWorksLT2022.bacpac',
    family: 'F',
    entryCount: 16,
    versionMadeBy: 0x002d,
    flags: 0,
    stored: ['_rels/.rels', 'Origin.xml'],
  },
  {
    file: 'Northwind.bacpac',
    family: 'F',
    entryCount: 21,
    versionMadeBy: 0x002d,
    flags: 0,
    stored: ['_rels/.rels', 'Origin.xml'],
  },
  {
    file: 'devops-module12-database.bacpac',
    family: 'C',
    entryCount: 6,
    versionMadeBy: 0x0014,
    flags: 0x0800,
    stored: ['_rels/.rels', '[Content_Types].xml'],
  },
  {
    file: 'spss-2025-3-30-9-48.bacpac',
    family: 'C',
    entryCount: 66,
    versionMadeBy: 0x0014,
    flags: 0,
    stored: ['_rels/.rels', '[Content_Types].xml'],
  },
  { file: 'imdb1000.bacpac', family: 'C', entryCount: 12, versionMadeBy: 0x0314, flags: 0x0800, stored: [] },
];

function expectedOrder(family: Family, names: readonly string[]): string[] {
  const data = names.filter((n) => n.startsWith('Data/'));
  return family === 'F'
    ? ['model.xml', 'DacMetadata.xml', '[Content_Types].xml', ...data, '_rels/.rels', 'Origin.xml']
    : ['model.xml', 'DacMetadata.xml', ...data, 'Origin.xml', '_rels/.rels', '[Content_Types].xml'];
}

async function withFixture<T>(file: string, use: (zip: ZipArchive) => T | Promise<T>): Promise<T> {
  const zip = await openZip(await fileSource(fixturePath(file)));
  try {
    return await use(zip);
  } finally {
    await zip.close();
  }
}

describe('openZip on the real BACPAC fixtures', () => {
  for (const facts of FIXTURES) {
    test(`${facts.file}: Family ${facts.family} records as the format document describes`, () =>
      withFixture(facts.file, (zip) => {
        const names = zip.entries.map((e) => e.name);
        assert.equal(zip.entries.length, facts.entryCount);
        assert.deepEqual(names, expectedOrder(facts.family, names));
        assert.equal(zip.zip64, false);
        assert.equal(zip.comment.length, 0);
        for (const entry of zip.entries) {
          const isStored = facts.stored.includes(entry.name);
          assert.equal(entry.method, isStored ? 0 : 8, entry.name);
          assert.equal(entry.flags, facts.flags, entry.name);
          assert.equal(entry.versionMadeBy, facts.versionMadeBy, entry.name);
          assert.equal(entry.versionNeeded, facts.family === 'F' && isStored ? 10 : 20, entry.name);
          assert.equal(entry.dataDescriptorLength, 0, entry.name);
          assert.deepEqual(entry.centralExtraIds, [], entry.name);
          assert.deepEqual(entry.localExtraIds, facts.family === 'F' ? [0xa220] : [], entry.name);
          assert.equal(entry.localExtraLength, facts.family === 'F' ? 28 : 0, entry.name);
          assert.equal(entry.internalAttributes, 0, entry.name);
          assert.equal(entry.externalAttributes, 0, entry.name);
          assert.equal(entry.comment, '', entry.name);
        }
        // Packed in central directory order, the central directory right after the last entry.
        zip.entries.forEach((entry, i) => {
          const next = zip.entries[i + 1]?.localHeaderOffset ?? zip.centralDirectoryOffset;
          assert.equal(entry.dataOffset + entry.compressedSize, next, entry.name);
        });
        assert.equal(zip.entries[0]!.localHeaderOffset, 0);
      }));

    test(`${facts.file}: every entry streams, verifies its CRC-32 and matches yauzl's bytes`, () =>
      withFixture(facts.file, async (zip) => {
        const viaYauzl = await readWithYauzl(await readFile(fixturePath(facts.file)));
        assert.equal(viaYauzl.length, zip.entries.length);
        for (const [i, entry] of zip.entries.entries()) {
          const data = await collect(openEntryStream(zip, entry));
          assert.equal(data.length, entry.uncompressedSize, entry.name);
          assert.equal(zlib.crc32(data), entry.crc32, entry.name);
          assert.deepEqual(data, viaYauzl[i]!.data, entry.name);
          const raw = await collect(openRawEntryStream(zip, entry));
          assert.equal(raw.length, entry.compressedSize, entry.name);
        }
      }));
  }

  test('[T] model.xml local header, byte for byte (format doc 1.3)', () =>
    withFixture('bacpactod-Test.bacpac', async (zip) => {
      const model = zip.getEntry('model.xml')!;
      const header = await zip.source.read(
        model.localHeaderOffset,
        model.dataOffset - model.localHeaderOffset,
      );
      assert.deepEqual(
        header,
        hex(`50 4b 03 04  14 00  00 00  08 00  65 59 3c 57  5b 7d 39 61  a0 11 00 00  6a 94 03 00  09 00  1c 00
             6d 6f 64 65 6c 2e 78 6d 6c
             20 a2 18 00  28 a0 14 00  00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00`),
      );
      assert.deepEqual(model.modified, new Date(2023, 8, 28, 11, 11, 10));
      assert.equal(model.crc32, 0x61397d5b);
    }));

  test('[A] model.xml local header, byte for byte (format doc 1.3)', () =>
    withFixture('devops-module12-database.bacpac', async (zip) => {
      const model = zip.getEntry('model.xml')!;
      const header = await zip.source.read(
        model.localHeaderOffset,
        model.dataOffset - model.localHeaderOffset,
      );
      assert.deepEqual(
        header,
        hex(`50 4b 03 04  14 00  00 08  08 00  c6 59 cd 56  8f f0 12 fb  c7 02 00 00  4b 08 00 00  09 00  00 00
             6d 6f 64 65 6c 2e 78 6d 6c`),
      );
    }));

  test('[Content_Types].xml is the same 340 bytes (CRC-32 3ec9296f) in every fixture', async () => {
    for (const facts of FIXTURES) {
      await withFixture(facts.file, async (zip) => {
        const entry = zip.getEntry('[Content_Types].xml')!;
        const data = await collect(openEntryStream(zip, entry));
        assert.equal(data.length, 340, facts.file);
        assert.equal(zlib.crc32(data), 0x3ec9296f, facts.file);
      });
    }
  });
});

describe('entry streams', () => {
  test('read the source in reads of at most 1 MiB, as the consumer asks for them', async () => {
    const stored = Buffer.alloc(5 << 20, 0x61);
    const sink = new CollectingSink(1 << 20);
    const { ZipArchive: ArchiverZip } = await import('archiver');
    const archive = new ArchiverZip();
    archive.pipe(sink);
    archive.append(stored, { name: 'big.txt', store: true });
    await archive.finalize();
    await new Promise((resolve) => sink.on('finish', resolve));
    const inner = bufferSource(sink.bytes());
    const reads: number[] = [];
    const zip = await openZip({
      size: inner.size,
      read: (offset, length) => {
        reads.push(length);
        return inner.read(offset, length);
      },
    });
    reads.length = 0;
    const stream = openEntryStream(zip, zip.entries[0]!);
    let firstChunk = true;
    let readsBeforeFirstChunk = 0;
    let total = 0;
    for await (const chunk of stream) {
      if (firstChunk) readsBeforeFirstChunk = reads.length;
      firstChunk = false;
      total += (chunk as Buffer).length;
    }
    assert.equal(total, 5 << 20);
    assert.ok(Math.max(...reads) <= 1 << 20, `largest read ${Math.max(...reads)}`);
    assert.equal(
      reads.reduce((a, b) => a + b, 0),
      5 << 20,
    );
    assert.ok(readsBeforeFirstChunk <= 2, `${readsBeforeFirstChunk} reads before the first chunk`);
  });
});

describe('openZip on archives from another writer (archiver)', () => {
  for (const forceZip64 of [false, true]) {
    test(`data descriptors are read and checked${forceZip64 ? ', behind ZIP64 end records' : ''}`, async () => {
      const { ZipArchive: ArchiverZip } = await import('archiver');
      const archive = new ArchiverZip({ zlib: { level: 9 }, forceZip64 });
      const streamed = Buffer.from('row,'.repeat(50_000));
      const sink = new CollectingSink(1 << 20);
      archive.pipe(sink);
      archive.append(Readable.from([streamed], { objectMode: false }), {
        name: 'Data/dbo.T/TableData-000-00000.BCP',
      });
      archive.append(Buffer.from('<x/>'), { name: 'Origin.xml', store: true });
      archive.append(Buffer.from('\u00e9t\u00e9'), { name: 'caf\u00e9.txt' });
      await archive.finalize();
      await new Promise((resolve) => sink.on('finish', resolve));
      const zip = await openZip(bufferSource(sink.bytes()));
      assert.deepEqual(
        zip.entries.map((e) => e.name),
        ['Data/dbo.T/TableData-000-00000.BCP', 'Origin.xml', 'caf\u00e9.txt'],
      );
      const streamedEntry = zip.entries[0]!;
      assert.equal(streamedEntry.flags & 0x0008, 0x0008);
      assert.ok(streamedEntry.dataDescriptorLength >= 12);
      assert.equal(zip.entries[2]!.flags & 0x0800, 0x0800);
      assert.deepEqual(await collect(openEntryStream(zip, streamedEntry)), streamed);
      assert.deepEqual(await collect(openEntryStream(zip, zip.entries[1]!)), Buffer.from('<x/>'));
      assert.equal((await collect(openEntryStream(zip, zip.entries[2]!))).toString(), '\u00e9t\u00e9');
      assert.equal(zip.zip64, forceZip64); // archiver's forceZip64 writes the ZIP64 end records
    });
  }

  test('an archive comment does not hide the end record', async () => {
    const { ZipArchive: ArchiverZip } = await import('archiver');
    const archive = new ArchiverZip({ comment: 'exported by a test' });
    const sink = new CollectingSink(1 << 20);
    archive.pipe(sink);
    archive.append(Buffer.from('hello'), { name: 'a.txt' });
    await archive.finalize();
    await new Promise((resolve) => sink.on('finish', resolve));
    const zip = await openZip(bufferSource(sink.bytes()));
    assert.equal(zip.comment.toString(), 'exported by a test');
    assert.equal((await collect(openEntryStream(zip, zip.entries[0]!))).toString(), 'hello');
  });
});
