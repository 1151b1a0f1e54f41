import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { buildCentralDirectoryHeader } from '../../../src/bacpac/zip/central-directory-header';
import { fromDosDateTime, toDosDateTime } from '../../../src/bacpac/zip/dos-time';
import { encodeEntryName } from '../../../src/bacpac/zip/entry-name';
import type { EntryRecordFields } from '../../../src/bacpac/zip/entry-record-fields';
import { buildLocalFileHeader } from '../../../src/bacpac/zip/local-file-header';
import { bufferSource } from '../../../src/bacpac/zip/random-access-source';
import { openZip } from '../../../src/bacpac/zip/reader';
import { buildZip64ExtraField } from '../../../src/bacpac/zip/zip64-extra-field';
import { fixturePath, hex } from './zip-test-helpers';

describe('record builders', () => {
  test('reproduce every local and central header of the [S] fixture (Family C, flags 0, no extras)', async () => {
    const bytes = await readFile(fixturePath('spss-2025-3-30-9-48.bacpac'));
    const zip = await openZip(bufferSource(bytes));
    assert.equal(zip.entries.length, 66);
    let central = zip.centralDirectoryOffset;
    for (const entry of zip.entries) {
      const fields: EntryRecordFields = {
        nameBytes: Buffer.from(entry.name, 'latin1'),
        methodCode: entry.method,
        dos: { time: entry.dosTime, date: entry.dosDate },
        crc32: entry.crc32,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        zip64: false,
      };
      const local = buildLocalFileHeader(fields);
      assert.deepEqual(local, bytes.subarray(entry.localHeaderOffset, entry.dataOffset), entry.name);
      const header = buildCentralDirectoryHeader(fields, entry.localHeaderOffset);
      assert.deepEqual(header, bytes.subarray(central, central + header.length), entry.name);
      central += header.length;
    }
    assert.equal(central, zip.centralDirectoryOffset + zip.centralDirectorySize);
  });

  test('ZIP64 extra field holds the given values as 8-byte little-endian integers', () => {
    assert.deepEqual(
      buildZip64ExtraField([5 * 2 ** 30, 0x1_0000_0001, 139]),
      hex('0100 1800  0000004001000000  0100000001000000  8b00000000000000'),
    );
  });
});

describe('MS-DOS date and time', () => {
  test('encode the local-time fields: [T] model.xml was written 2023-09-28 11:11:10 as 0x5965 / 0x573c', () => {
    assert.deepEqual(toDosDateTime(new Date(2023, 8, 28, 11, 11, 10)), { time: 0x5965, date: 0x573c });
    assert.deepEqual(fromDosDateTime(0x573c, 0x5965), new Date(2023, 8, 28, 11, 11, 10));
  });

  test('keep two-second resolution and clamp years outside 1980-2107', () => {
    assert.deepEqual(toDosDateTime(new Date(2024, 0, 2, 3, 4, 7)), { time: 0x1883, date: 0x5822 });
    assert.deepEqual(toDosDateTime(new Date(1970, 0, 1)), { time: 0, date: 0x0021 });
    assert.deepEqual(toDosDateTime(new Date(2200, 5, 1)), { time: 0xbf7d, date: 0xff9f });
  });
});

describe('entry names', () => {
  test('printable ASCII names, escaped part names included, are written as they are', () => {
    assert.deepEqual(
      encodeEntryName('Data/dbo.Order%20Details/TableData-000-00000.BCP'),
      Buffer.from('Data/dbo.Order%20Details/TableData-000-00000.BCP'),
    );
    assert.deepEqual(encodeEntryName('[Content_Types].xml'), hex('5b436f6e74656e745f54797065735d2e786d6c'));
  });

  for (const [label, name] of [
    ['a non-ASCII character', 'Data/dbo.Café/TableData-000-00000.BCP'],
    ['a control character', 'model\n.xml'],
    ['a DEL character', 'model\u007f.xml'],
    ['an empty name', ''],
  ] as const) {
    test(`refuse ${label} with ZIP_BAD_NAME`, () => {
      assert.throws(() => encodeEntryName(name), /^BacpacError: \[ZIP_BAD_NAME\] entry name/);
    });
  }
});
