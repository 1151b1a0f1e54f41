import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readDacMetadata, writeDacMetadata } from '../../../src/bacpac/package/dac-metadata';
import { listFixtures, readFixtureEntry } from '../../helpers/fixtures';

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  'bacpactod-Test.bacpac': 'Test',
  'devops-module12-database.bacpac': 'c25onprem-on-premises-db',
  'spss-2025-3-30-9-48.bacpac': 'spss',
  'AdventureWorksLT2022.bacpac': 'AdventureWorksLT2022',
  'Northwind.bacpac': 'Northwind',
  'imdb1000.bacpac': 'imdb1000',
};

describe('DacMetadata.xml on the real fixtures', () => {
  test('all six fixtures are present', () => {
    assert.deepEqual(listFixtures(), Object.keys(EXPECTED_NAMES).sort());
  });

  for (const name of listFixtures()) {
    test(`${name}: read, then written with the fixture's line ending, bytes equal`, async () => {
      const expected = await readFixtureEntry(name, 'DacMetadata.xml');
      const metadata = readDacMetadata(expected);
      assert.deepEqual(metadata, { name: EXPECTED_NAMES[name], version: '0.0.0.0' });
      const lineEnding = name === 'imdb1000.bacpac' ? '\n' : '\r\n';
      assert.deepEqual(writeDacMetadata({ name: metadata.name }, lineEnding), expected);
    });
  }
});

describe('writeDacMetadata', () => {
  test('pinned bytes with CRLF', () => {
    const expected =
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n' +
      '<DacType xmlns="http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02">\r\n' +
      '  <Name>Sales &amp; &lt;Ops&gt; "Q1"</Name>\r\n' +
      '  <Version>0.0.0.0</Version>\r\n' +
      '</DacType>';
    assert.equal(writeDacMetadata({ name: 'Sales & <Ops> "Q1"' }).toString('utf8'), expected);
  });

  test('round trips a name with markup characters and non-ASCII', () => {
    const name = 'Größe & <db> 日本';
    assert.deepEqual(readDacMetadata(writeDacMetadata({ name }, '\n')), { name, version: '0.0.0.0' });
  });

  test('refuses a name XML cannot carry', () => {
    assert.throws(
      () => writeDacMetadata({ name: 'a\u0001b' }),
      /\[XML_INVALID_CHARACTER\] DacMetadata\.xml Name: character U\+0001 at index 1/,
    );
  });

  test('reader refuses a document without Name', () => {
    const xml =
      '<DacType xmlns="http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02"><Version>0.0.0.0</Version></DacType>';
    assert.throws(() => readDacMetadata(Buffer.from(xml)), /\[DAC_METADATA_INVALID\].*<Name>/);
  });

  test('reader refuses malformed XML', () => {
    assert.throws(
      () => readDacMetadata(Buffer.from('<DacType>')),
      /\[PACKAGE_XML_MALFORMED\] DacMetadata\.xml/,
    );
  });
});
