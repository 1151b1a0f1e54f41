import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import {
  packageExtensions,
  readContentTypes,
  writeContentTypes,
} from '../../../src/bacpac/package/content-types';
import { listFixtures, readFixtureEntry } from '../../helpers/fixtures';

describe('[Content_Types].xml', () => {
  test('with data parts: the 340 bytes with CRC-32 3ec9296f', () => {
    const bytes = writeContentTypes(packageExtensions(true));
    assert.equal(bytes.length, 340);
    assert.equal(crc32(bytes).toString(16), '3ec9296f');
  });

  for (const name of listFixtures()) {
    test(`${name}: written bytes equal the fixture's`, async () => {
      const expected = await readFixtureEntry(name, '[Content_Types].xml');
      assert.deepEqual(writeContentTypes(packageExtensions(true)), expected);
    });
  }

  test('without data parts: only the xml default, 175 bytes', () => {
    const bytes = writeContentTypes(packageExtensions(false));
    assert.equal(
      bytes.toString('hex'),
      Buffer.concat([
        Buffer.from('efbbbf', 'hex'),
        Buffer.from(
          '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="xml" ContentType="text/xml" /></Types>',
        ),
      ]).toString('hex'),
    );
    assert.equal(bytes.length, 175);
  });

  test('Defaults follow the order given', () => {
    const text = writeContentTypes(['rels', 'xml']).toString('utf8');
    assert.ok(text.indexOf('Extension="rels"') < text.indexOf('Extension="xml"'));
  });

  test('refuses duplicate or missing extensions', () => {
    assert.throws(() => writeContentTypes([]), /\[CONTENT_TYPES_INVALID\]/);
    assert.throws(() => writeContentTypes(['xml', 'xml']), /\[CONTENT_TYPES_INVALID\].*\[xml, xml\]/);
  });

  test('reader returns the fixture defaults in order', async () => {
    const entries = readContentTypes(await readFixtureEntry('Northwind.bacpac', '[Content_Types].xml'));
    assert.deepEqual(entries, [
      { kind: 'Default', key: 'xml', contentType: 'text/xml' },
      { kind: 'Default', key: 'BCP', contentType: 'application/octet-stream' },
      {
        kind: 'Default',
        key: 'rels',
        contentType: 'application/vnd.openxmlformats-package.relationships+xml',
      },
    ]);
  });

  test('reader refuses another root', () => {
    assert.throws(
      () => readContentTypes(Buffer.from('<Other/>')),
      /\[CONTENT_TYPES_INVALID\].*found <Other>/,
    );
  });
});
