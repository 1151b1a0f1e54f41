import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { BacpacError } from '../../../src/bacpac/errors';
import { openEntryStream } from '../../../src/bacpac/zip/entry-stream';
import { bufferSource } from '../../../src/bacpac/zip/random-access-source';
import { openZip } from '../../../src/bacpac/zip/reader';
import { prepareBufferEntry } from '../../../src/bacpac/zip/prepared-entry';
import { writeZip } from '../../../src/bacpac/zip/writer';
import { collect, CollectingSink, fixturePath } from './zip-test-helpers';

/**
 * Failure fixtures, named after the error they must produce, made by damaging the [A] fixture
 * (devops-module12-database.bacpac, 3,021 bytes, 6 entries) in memory. Offsets into [A]:
 * model.xml 0 (data 39..750), DacMetadata.xml 750, Data/dbo.DemoTable/... 971 (data 1043..1080),
 * Origin.xml 1080, _rels/.rels 1821 (stored, data 1862..2228), [Content_Types].xml 2228 (stored),
 * central directory 2617..2999 (382 bytes), end record 2999.
 */
const DATA_PART = 'Data/dbo.DemoTable/TableData-000-00000.BCP';

function localHeaderAt(bytes: Buffer, name: string): number {
  const offset = bytes.indexOf(name) - 30;
  assert.equal(bytes.readUInt32LE(offset), 0x04034b50, `local header of ${name}`);
  return offset;
}

function centralHeaderAt(bytes: Buffer, name: string): number {
  const offset = bytes.lastIndexOf(name) - 46;
  assert.equal(bytes.readUInt32LE(offset), 0x02014b50, `central header of ${name}`);
  return offset;
}

interface FailureFixture {
  readonly name: string;
  readonly damage: (bytes: Buffer) => Buffer;
  /** Which step fails: opening the archive, or streaming the named entry. */
  readonly failsAt: 'open' | { readonly stream: string };
  readonly message: RegExp;
  readonly entry?: string;
}

const FAILURES: readonly FailureFixture[] = [
  {
    name: 'ZIP_TRUNCATED-cut-inside-entry-data',
    damage: (bytes) => bytes.subarray(0, 1060),
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_TRUNCATED\] no end of central directory record in the last 1060 bytes of a 1060-byte archive; the archive ends inside the data of entry "Data\/dbo.DemoTable\/TableData-000-00000.BCP": its 37 stored bytes span offsets 1043..1080/,
    entry: DATA_PART,
  },
  {
    name: 'ZIP_TRUNCATED-cut-inside-central-directory',
    damage: (bytes) => bytes.subarray(0, 2700),
    failsAt: 'open',
    message: /\[ZIP_TRUNCATED\] .*the archive ends inside the central directory that follows the 6 entries/,
  },
  {
    name: 'ZIP_TRUNCATED-entry-data-beyond-end',
    damage: (bytes) => {
      bytes.writeUInt32LE(5000, centralHeaderAt(bytes, '[Content_Types].xml') + 20);
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_TRUNCATED\] entry "\[Content_Types\].xml": its 5000 bytes of data would end at offset 7277, beyond the end of the 3021-byte archive$/,
    entry: '[Content_Types].xml',
  },
  {
    name: 'ZIP_TRUNCATED-central-directory-cut-short',
    damage: (bytes) => {
      bytes.writeUInt32LE(382 - 10, bytes.length - 22 + 12);
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_TRUNCATED\] central directory entry 6 of 6 \("\[Content_\.\.\."\) is cut short: its name, extra field and comment needs 19 bytes, 9 remain/,
    entry: '[Content_',
  },
  {
    name: 'ZIP_CRC_MISMATCH-byte-flipped-in-stored-entry',
    damage: (bytes) => {
      bytes[1862 + 40]! ^= 0x01;
      return bytes;
    },
    failsAt: { stream: '_rels/.rels' },
    message:
      /^BacpacError: \[ZIP_CRC_MISMATCH\] entry "_rels\/.rels": the central directory records CRC-32 0x45242fdf, the 366 decompressed bytes have 0x[0-9a-f]{8}$/,
    entry: '_rels/.rels',
  },
  {
    name: 'ZIP_HEADER_MISMATCH-local-name-differs',
    damage: (bytes) => {
      bytes.write('X', localHeaderAt(bytes, 'Origin.xml') + 30, 'latin1');
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_HEADER_MISMATCH\] entry "Origin.xml": the local header says name "Xrigin.xml", the central directory says "Origin.xml"$/,
    entry: 'Origin.xml',
  },
  {
    name: 'ZIP_HEADER_MISMATCH-local-crc-differs',
    damage: (bytes) => {
      bytes.writeUInt32LE(0x12345678, localHeaderAt(bytes, 'DacMetadata.xml') + 14);
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_HEADER_MISMATCH\] entry "DacMetadata.xml": the local header says CRC-32 0x12345678, the central directory says 0x1ab72d48$/,
    entry: 'DacMetadata.xml',
  },
  {
    name: 'ZIP_BAD_SIGNATURE-central-directory-points-off-a-local-header',
    damage: (bytes) => {
      bytes.writeUInt32LE(751, centralHeaderAt(bytes, 'DacMetadata.xml') + 42);
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_BAD_SIGNATURE\] entry "DacMetadata.xml": expected a local header \(signature 0x04034b50\) at offset 751/,
    entry: 'DacMetadata.xml',
  },
  {
    name: 'ZIP_OVERLAP-entry-runs-into-the-next',
    damage: (bytes) => {
      bytes.writeUInt32LE(800, localHeaderAt(bytes, 'model.xml') + 18);
      bytes.writeUInt32LE(800, centralHeaderAt(bytes, 'model.xml') + 20);
      return bytes;
    },
    failsAt: 'open',
    message:
      /^BacpacError: \[ZIP_OVERLAP\] entry "model.xml" occupies offsets 0..839, which overlaps entry "DacMetadata.xml" starting at 750$/,
    entry: 'model.xml',
  },
  {
    name: 'ZIP_UNSUPPORTED_METHOD-bzip2',
    damage: (bytes) => {
      bytes.writeUInt16LE(12, localHeaderAt(bytes, 'DacMetadata.xml') + 8);
      bytes.writeUInt16LE(12, centralHeaderAt(bytes, 'DacMetadata.xml') + 10);
      return bytes;
    },
    failsAt: { stream: 'DacMetadata.xml' },
    message: /^BacpacError: \[ZIP_UNSUPPORTED_METHOD\] entry "DacMetadata.xml": method 12; expected/,
    entry: 'DacMetadata.xml',
  },
  {
    name: 'ZIP_SIZE_MISMATCH-declared-uncompressed-size-too-small',
    damage: (bytes) => {
      bytes.writeUInt32LE(2000, localHeaderAt(bytes, 'model.xml') + 22);
      bytes.writeUInt32LE(2000, centralHeaderAt(bytes, 'model.xml') + 24);
      return bytes;
    },
    failsAt: { stream: 'model.xml' },
    message:
      /^BacpacError: \[ZIP_SIZE_MISMATCH\] entry "model.xml": the central directory records 2000 uncompressed bytes, decompressing gave more than 2000/,
    entry: 'model.xml',
  },
  {
    name: 'ZIP_CORRUPT_DATA-deflate-stream-damaged',
    damage: (bytes) => {
      bytes.fill(0xff, 39 + 100, 39 + 110);
      return bytes;
    },
    failsAt: { stream: 'model.xml' },
    message: /^BacpacError: \[ZIP_CORRUPT_DATA\] entry "model.xml": its deflate data cannot be decoded/,
    entry: 'model.xml',
  },
];

describe('damaged archives fail with a coded error naming the entry', () => {
  for (const fixture of FAILURES) {
    test(fixture.name, async () => {
      const original = await readFile(fixturePath('devops-module12-database.bacpac'));
      const bytes = fixture.damage(Buffer.from(original));
      let failure: unknown;
      try {
        const zip = await openZip(bufferSource(bytes));
        assert.notEqual(fixture.failsAt, 'open', 'openZip accepted the damaged archive');
        const name = fixture.failsAt === 'open' ? '' : fixture.failsAt.stream;
        await collect(openEntryStream(zip, zip.getEntry(name)!));
      } catch (err) {
        failure = err;
      }
      assert.ok(failure instanceof BacpacError, `expected a BacpacError, got ${String(failure)}`);
      assert.match(String(failure), fixture.message);
      assert.equal(failure.details?.['entry'], fixture.entry);
    });
  }

  test('ZIP_HEADER_MISMATCH-data-descriptor-differs (archiver output, bit 3 set)', async () => {
    const { ZipArchive: ArchiverZip } = await import('archiver');
    const archive = new ArchiverZip();
    const sink = new CollectingSink(1 << 20);
    archive.pipe(sink);
    archive.append(Readable.from([Buffer.from('row;'.repeat(1000))], { objectMode: false }), {
      name: 'Data/dbo.T/TableData-000-00000.BCP',
    });
    await archive.finalize();
    await new Promise((resolve) => sink.on('finish', resolve));
    const bytes = sink.bytes();
    const descriptor = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]));
    assert.ok(descriptor > 0);
    bytes.writeUInt32LE((bytes.readUInt32LE(descriptor + 4) ^ 1) >>> 0, descriptor + 4);
    await assert.rejects(
      openZip(bufferSource(bytes)),
      /^BacpacError: \[ZIP_HEADER_MISMATCH\] entry "Data\/dbo.T\/TableData-000-00000.BCP": the local header says in its data descriptor CRC-32\/sizes /,
    );
  });

  test('ZIP_BAD_ZIP64-sizes-marked-but-extra-field-missing', async () => {
    const sink = new CollectingSink();
    await writeZip(
      [prepareBufferEntry('a.txt', Buffer.from('hi'), 'store', undefined, new Date(2024, 0, 1))],
      sink,
      {
        forceZip64: true,
      },
    );
    const bytes = sink.bytes();
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt16LE(0x9999, central + 46 + 5); // rename the ZIP64 extra field of the central header
    await assert.rejects(
      openZip(bufferSource(bytes)),
      /^BacpacError: \[ZIP_BAD_ZIP64\] central directory entry "a.txt": uncompressedSize is 0xFFFFFFFF but the entry has no ZIP64 extra field/,
    );
  });

  test('the undamaged original opens and streams every entry', async () => {
    const zip = await openZip(bufferSource(await readFile(fixturePath('devops-module12-database.bacpac'))));
    for (const entry of zip.entries) await collect(openEntryStream(zip, entry));
    assert.equal(zip.entries.length, 6);
  });
});
