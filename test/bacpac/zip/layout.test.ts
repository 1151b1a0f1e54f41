import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ZipEntryMeta } from '../../../src/bacpac/zip/entry-meta';
import { layoutZip } from '../../../src/bacpac/zip/layout';
import type { RandomAccessSource } from '../../../src/bacpac/zip/random-access-source';
import { openZip } from '../../../src/bacpac/zip/reader';
import { hex } from './zip-test-helpers';

const when = new Date(2024, 0, 2, 3, 4, 6); // DOS time 0x1883, date 0x5822
const hi: ZipEntryMeta = {
  name: 'a.txt',
  method: 'store',
  crc32: 0xd8932aac, // CRC-32 of "hi"
  compressedSize: 2,
  uncompressedSize: 2,
  modified: when,
};

function archiveBytes(layout: ReturnType<typeof layoutZip>, data: Buffer[]): Buffer {
  return Buffer.concat([
    ...layout.entries.flatMap((entry, i) => [entry.localHeader, data[i]!]),
    layout.trailer,
  ]);
}

describe('layoutZip', () => {
  test('a one-entry archive, byte for byte (Family C flavour: made by 0x0014, needs 20, flags 0)', () => {
    const layout = layoutZip([hi]);
    const expected = hex(`
      504b0304 1400 0000 0000 8318 2258 ac2a93d8 02000000 02000000 0500 0000 612e747874
      6869
      504b0102 1400 1400 0000 0000 8318 2258 ac2a93d8 02000000 02000000 0500 0000 0000 0000 0000 00000000
        00000000 612e747874
      504b0506 0000 0000 0100 0100 33000000 25000000 0000`);
    assert.deepEqual(archiveBytes(layout, [Buffer.from('hi')]), expected);
    assert.equal(layout.totalSize, expected.length);
    assert.equal(layout.entries[0]!.dataOffset, 35);
    assert.equal(layout.centralDirectoryOffset, 37);
    assert.equal(layout.zip64, false);
  });

  test('the same archive with forceZip64: ZIP64 extra fields, ZIP64 end record and locator', () => {
    const layout = layoutZip([hi], { forceZip64: true });
    const expected = hex(`
      504b0304 2d00 0000 0000 8318 2258 ac2a93d8 ffffffff ffffffff 0500 1400 612e747874
        0100 1000 0200000000000000 0200000000000000
      6869
      504b0102 2d00 2d00 0000 0000 8318 2258 ac2a93d8 ffffffff ffffffff 0500 1c00 0000 0000 0000 00000000
        ffffffff 612e747874 0100 1800 0200000000000000 0200000000000000 0000000000000000
      504b0606 2c00000000000000 2d00 2d00 00000000 00000000 0100000000000000 0100000000000000
        4f00000000000000 3900000000000000
      504b0607 00000000 8800000000000000 01000000
      504b0506 0000 0000 ffff ffff ffffffff ffffffff 0000`);
    assert.deepEqual(archiveBytes(layout, [Buffer.from('hi')]), expected);
    assert.equal(layout.totalSize, expected.length);
    assert.equal(layout.zip64, true);
  });

  test('startOffset shifts every offset the headers record', () => {
    const layout = layoutZip([hi], { startOffset: 100 });
    assert.equal(layout.entries[0]!.localHeaderOffset, 100);
    assert.equal(layout.centralDirectoryOffset, 137);
    assert.equal(layout.trailer.readUInt32LE(51 + 16), 137); // EOCD: offset of the central directory
    assert.equal(layout.trailer.readUInt32LE(42), 100); // central header: relative offset of local header
    assert.equal(layout.totalSize, 210);
  });

  describe('an entry over 4 GiB, from metadata alone', () => {
    const entries: ZipEntryMeta[] = [
      {
        name: 'model.xml',
        method: 'deflate',
        crc32: 0x11111111,
        compressedSize: 100,
        uncompressedSize: 1000,
        modified: when,
      },
      {
        name: 'Data/big.BCP',
        method: 'store',
        crc32: 0x22222222,
        compressedSize: 5 * 2 ** 30,
        uncompressedSize: 5 * 2 ** 30,
        modified: when,
      },
      {
        name: 'Origin.xml',
        method: 'store',
        crc32: 0x33333333,
        compressedSize: 10,
        uncompressedSize: 10,
        modified: when,
      },
    ];
    const layout = layoutZip(entries);

    test('only the entries that need it get ZIP64 fields: by size, then by offset', () => {
      assert.deepEqual(
        layout.entries.map((e) => [e.zip64, e.localHeaderOffset, e.dataOffset]),
        [
          [false, 0, 39],
          [true, 139, 201],
          [true, 5368709321, 5368709381],
        ],
      );
      assert.deepEqual(
        layout.entries[1]!.localHeader,
        hex(`504b0304 2d00 0000 0000 8318 2258 22222222 ffffffff ffffffff 0c00 1400 446174612f6269672e424350
             0100 1000 0000004001000000 0000004001000000`),
      );
    });

    test('central directory, ZIP64 end record, locator and end record bytes', () => {
      assert.equal(layout.centralDirectoryOffset, 5368709391);
      assert.equal(layout.centralDirectorySize, 225);
      assert.equal(layout.totalSize, 5368709714);
      assert.deepEqual(
        layout.trailer,
        hex(`
          504b0102 1400 1400 0000 0800 8318 2258 11111111 64000000 e8030000 0900 0000 0000 0000 0000 00000000
            00000000 6d6f64656c2e786d6c
          504b0102 2d00 2d00 0000 0000 8318 2258 22222222 ffffffff ffffffff 0c00 1c00 0000 0000 0000 00000000
            ffffffff 446174612f6269672e424350
            0100 1800 0000004001000000 0000004001000000 8b00000000000000
          504b0102 2d00 2d00 0000 0000 8318 2258 33333333 ffffffff ffffffff 0a00 1c00 0000 0000 0000 00000000
            ffffffff 4f726967696e2e786d6c
            0100 1800 0a00000000000000 0a00000000000000 c900004001000000
          504b0606 2c00000000000000 2d00 2d00 00000000 00000000 0300000000000000 0300000000000000
            e100000000000000 0f01004001000000
          504b0607 00000000 f001004001000000 01000000
          504b0506 0000 0000 ffff ffff ffffffff ffffffff 0000`),
      );
    });

    test('our reader parses that central directory over a source that reads zeros for the data', async () => {
      const segments = [
        ...layout.entries.map((e) => ({ offset: e.localHeaderOffset, bytes: e.localHeader })),
        { offset: layout.centralDirectoryOffset, bytes: layout.trailer },
      ];
      const source: RandomAccessSource = {
        size: layout.totalSize,
        read(offset, length) {
          const out = Buffer.alloc(length);
          for (const { offset: start, bytes } of segments) {
            const from = Math.max(start, offset);
            const to = Math.min(start + bytes.length, offset + length);
            if (from < to) bytes.copy(out, from - offset, from - start, to - start);
          }
          return Promise.resolve(out);
        },
      };
      const zip = await openZip(source);
      assert.equal(zip.zip64, true);
      assert.deepEqual(
        zip.entries.map((e) => [
          e.name,
          e.compressedSize,
          e.uncompressedSize,
          e.localHeaderOffset,
          e.dataOffset,
          e.zip64,
        ]),
        [
          ['model.xml', 100, 1000, 0, 39, false],
          ['Data/big.BCP', 5368709120, 5368709120, 139, 201, true],
          ['Origin.xml', 10, 10, 5368709321, 5368709381, true],
        ],
      );
      assert.deepEqual(zip.entries[1]!.localExtraIds, [0x0001]);
    });
  });

  test('65535 entries or more switch on the ZIP64 end records, sizes staying 32-bit', () => {
    const many = Array.from({ length: 70000 }, (_, i) => ({
      ...hi,
      name: `e${i}`,
      crc32: 0,
      compressedSize: 0,
      uncompressedSize: 0,
    }));
    const layout = layoutZip(many);
    assert.equal(layout.zip64, true);
    assert.equal(
      layout.entries.some((e) => e.zip64),
      false,
    );
    const eocd = layout.trailer.subarray(layout.trailer.length - 22);
    assert.equal(eocd.readUInt16LE(10), 0xffff);
    const zip64Record = layout.trailer.subarray(
      layout.centralDirectorySize,
      layout.centralDirectorySize + 56,
    );
    assert.equal(zip64Record.readUInt32LE(0), 0x06064b50);
    assert.equal(zip64Record.readBigUInt64LE(32), 70000n);
  });

  describe('refuses metadata that cannot be written', () => {
    const cases: Array<[string, Partial<ZipEntryMeta>, RegExp]> = [
      [
        'a stored entry whose sizes differ',
        { compressedSize: 3 },
        /\[ZIP_BAD_ENTRY\] entry "a.txt": stored entry has compressedSize 3/,
      ],
      [
        'a negative size',
        { method: 'deflate', compressedSize: -1 },
        /\[ZIP_BAD_ENTRY\] entry "a.txt": compressedSize is -1/,
      ],
      [
        'a size beyond 2^53',
        { uncompressedSize: 2 ** 53, compressedSize: 2 ** 53 },
        /\[ZIP_BAD_ENTRY\] entry "a.txt": compressedSize/,
      ],
      ['a CRC above 32 bits', { crc32: 2 ** 32 }, /\[ZIP_BAD_ENTRY\] entry "a.txt": crc32 is 4294967296/],
      ['an invalid date', { modified: new Date(Number.NaN) }, /\[ZIP_BAD_ENTRY\] entry "a.txt": modified/],
    ];
    for (const [label, change, error] of cases) {
      test(label, () => assert.throws(() => layoutZip([{ ...hi, ...change }]), error));
    }
    test('a duplicate name', () => {
      assert.throws(() => layoutZip([hi, hi]), /\[ZIP_DUPLICATE_NAME\] entry "a.txt" is added twice/);
    });
  });
});
