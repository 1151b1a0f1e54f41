import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readOrigin } from '../../../src/bacpac/package/origin-reader';
import { writeOrigin } from '../../../src/bacpac/package/origin-writer';
import { ORIGIN_END, ORIGIN_PACKAGE_PROPERTIES } from '../../../src/bacpac/package/origin-types';
import type { OriginInfo } from '../../../src/bacpac/package/origin-types';
import { detectLineEnding } from '../../../src/bacpac/package/xml-text';
import { listFixtures, readFixtureEntry } from '../../helpers/fixtures';

describe('Origin.xml on the real fixtures', () => {
  for (const name of listFixtures()) {
    test(`${name}: written from the values read out of it, bytes equal`, async () => {
      const expected = await readFixtureEntry(name, 'Origin.xml');
      const info = readOrigin(expected);
      const written = writeOrigin(info, detectLineEnding(expected));
      assert.equal(written.toString('utf8'), expected.toString('utf8'));
      assert.deepEqual(written, expected);
    });
  }

  test('imdb1000 is LF, the others CRLF', async () => {
    for (const name of listFixtures()) {
      const bytes = await readFixtureEntry(name, 'Origin.xml');
      assert.equal(detectLineEnding(bytes), name === 'imdb1000.bacpac' ? '\n' : '\r\n', name);
    }
  });

  test('AdventureWorksLT2022: every field', async () => {
    const info = readOrigin(await readFixtureEntry('AdventureWorksLT2022.bacpac', 'Origin.xml'));
    assert.deepEqual(info.packageProperties, {
      version: '3.1.0.0',
      containsExportedData: true,
      streamVersions: [
        { streamName: 'Data', version: '2.0.0.0' },
        { streamName: 'DeploymentContributors', version: '1.0.0.0' },
      ],
    });
    assert.deepEqual(info.operation, {
      identity: '413e6795-f25c-4c17-9053-ebf117a1c125',
      start: '2025-07-27T13:26:08.2445235+05:30',
      end: '0001-01-01T00:00:00.0000000',
      productName:
        'Microsoft.SqlServer.Dac, Version=170.0.0.0, Culture=neutral, PublicKeyToken=89845dcd8080cc91',
      productVersion: '170.0.94.3',
      productSchema: 'http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02',
    });
    assert.equal(
      info.server.serverVersion,
      'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64) \n\tOct  8 2022 05:58:25 \n\tCopyright (C) 2022 Microsoft Corporation\n' +
        '\tExpress Edition (64-bit) on Windows 10 Home 10.0 <X64> (Build 26100: ) (Hypervisor)\n',
    );
    assert.equal(info.server.objectCounts.length, 26);
    assert.deepEqual(info.server.objectCounts[0], { type: 'CheckConstraint', count: 13 });
    assert.deepEqual(info.server.objectCounts[5], { type: 'ExtendedProperty', count: 212 });
    assert.deepEqual(info.exportStatistics, { sourceDatabaseSize: 9016n, tableRowCountTotal: 4277n });
    assert.equal(info.modelChecksum, 'C287E0BD1BFFCAD304D00D44B87382C63BED548890B0747FD9B18CFEDF27C08D');
    assert.equal(info.modelSchemaVersion, '3.5');
    assert.equal(info.dataPhaseTables?.length, 12);
    assert.equal(info.dataPhaseTables?.[0], 'dbo.ErrorLog');
    assert.equal(info.dataPhaseTables?.[11], 'SalesLT.SalesOrderHeader');
  });

  test('devops-module12-database: no ExportStatistics, no DataPhaseTables', async () => {
    const info = readOrigin(await readFixtureEntry('devops-module12-database.bacpac', 'Origin.xml'));
    assert.equal(info.exportStatistics, undefined);
    assert.equal(info.dataPhaseTables, undefined);
    assert.deepEqual(info.server.objectCounts, [
      { type: 'DatabaseOptions', count: 1 },
      { type: 'SimpleColumn', count: 1 },
      { type: 'Table', count: 1 },
    ]);
    assert.equal(info.modelSchemaVersion, '2.6');
  });

  test('imdb1000: LF file, ServerVersion without a trailing line break', async () => {
    const info = readOrigin(await readFixtureEntry('imdb1000.bacpac', 'Origin.xml'));
    assert.ok(info.server.serverVersion.endsWith('(Ubuntu 18.04.4 LTS) <X64>'));
    assert.equal(info.operation.start, '2020-05-22T17:33:33.4267870+07:00');
  });
});

const SAMPLE: OriginInfo = {
  packageProperties: ORIGIN_PACKAGE_PROPERTIES,
  operation: {
    identity: '0f8fad5b-d9cb-469f-a165-70867728950e',
    start: '2024-01-02T03:04:05.6780000-08:00',
    end: ORIGIN_END,
    productName: 'P',
    productVersion: '1.2.3.4',
    productSchema: 'http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02',
  },
  server: {
    serverVersion: 'Line one\r\n\tLine <two> & three\n',
    objectCounts: [
      { type: 'Table', count: 2 },
      { type: 'DatabaseOptions', count: 1 },
      { type: 'View', count: 0 },
      { type: 'SimpleColumn', count: 5 },
    ],
  },
  exportStatistics: {
    sourceDatabaseSize: 123456789012345678901234567890n,
    tableRowCountTotal: 9007199254740993n,
  },
  modelChecksum: 'A'.repeat(64),
  modelSchemaVersion: '2.9',
};

describe('writeOrigin', () => {
  test('pinned LF output: sorted non-zero counts, escaped and re-ended ServerVersion, exact statistics', () => {
    const expected = [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
      '<DacOrigin xmlns="http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02">',
      '  <PackageProperties>',
      '    <Version>3.1.0.0</Version>',
      '    <ContainsExportedData>true</ContainsExportedData>',
      '    <StreamVersions>',
      '      <Version StreamName="Data">2.0.0.0</Version>',
      '      <Version StreamName="DeploymentContributors">1.0.0.0</Version>',
      '    </StreamVersions>',
      '  </PackageProperties>',
      '  <Operation>',
      '    <Identity>0f8fad5b-d9cb-469f-a165-70867728950e</Identity>',
      '    <Start>2024-01-02T03:04:05.6780000-08:00</Start>',
      '    <End>0001-01-01T00:00:00.0000000</End>',
      '    <ProductName>P</ProductName>',
      '    <ProductVersion>1.2.3.4</ProductVersion>',
      '    <ProductSchema>http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02</ProductSchema>',
      '  </Operation>',
      '  <Server>',
      '    <ServerVersion>Line one',
      '\tLine &lt;two&gt; &amp; three',
      '</ServerVersion>',
      '    <ObjectCounts>',
      '      <DatabaseOptions>1</DatabaseOptions>',
      '      <SimpleColumn>5</SimpleColumn>',
      '      <Table>2</Table>',
      '    </ObjectCounts>',
      '  </Server>',
      '  <ExportStatistics>',
      '    <SourceDatabaseSize>123456789012345678901234567890</SourceDatabaseSize>',
      '    <TableRowCountTotalTag>9007199254740993</TableRowCountTotalTag>',
      '  </ExportStatistics>',
      '  <Checksums>',
      `    <Checksum Uri="/model.xml">${'A'.repeat(64)}</Checksum>`,
      '  </Checksums>',
      '  <ModelSchemaVersion>2.9</ModelSchemaVersion>',
      '</DacOrigin>',
    ].join('\n');
    assert.equal(writeOrigin(SAMPLE, '\n').toString('utf8'), expected);
  });

  test('CRLF output has no bare LF, and reads back to the same values (zero counts dropped)', () => {
    const bytes = writeOrigin({ ...SAMPLE, dataPhaseTables: ['dbo.A', 'x.B'] });
    const text = bytes.toString('utf8');
    assert.equal(/[^\r]\n/.test(text), false);
    assert.ok(text.endsWith('  <DataPhaseTables>dbo.A,x.B</DataPhaseTables>\r\n</DacOrigin>'));
    const read = readOrigin(bytes);
    assert.equal(read.server.serverVersion, 'Line one\n\tLine <two> & three\n');
    assert.deepEqual(read.exportStatistics, SAMPLE.exportStatistics);
    assert.deepEqual(read.dataPhaseTables, ['dbo.A', 'x.B']);
    assert.deepEqual(
      read.server.objectCounts.map((c) => c.type),
      ['DatabaseOptions', 'SimpleColumn', 'Table'],
    );
  });

  test('refuses values real files never hold', () => {
    const op = SAMPLE.operation;
    assert.throws(
      () =>
        writeOrigin({ ...SAMPLE, operation: { ...op, identity: '0F8FAD5B-D9CB-469F-A165-70867728950E' } }),
      /\[ORIGIN_FIELD_INVALID\] Origin\.xml Operation\/Identity/,
    );
    assert.throws(
      () => writeOrigin({ ...SAMPLE, operation: { ...op, start: '2024-01-02T03:04:05Z' } }),
      /\[ORIGIN_FIELD_INVALID\] Origin\.xml Operation\/Start/,
    );
    assert.throws(
      () => writeOrigin({ ...SAMPLE, modelChecksum: 'a'.repeat(64) }),
      /\[ORIGIN_FIELD_INVALID\] Origin\.xml Checksums/,
    );
    const duplicate = {
      ...SAMPLE.server,
      objectCounts: [
        { type: 'Table', count: 1 },
        { type: 'Table', count: 2 },
      ],
    };
    assert.throws(() => writeOrigin({ ...SAMPLE, server: duplicate }), /\[ORIGIN_FIELD_INVALID\].*"Table"/);
    const negative = { sourceDatabaseSize: -1n, tableRowCountTotal: 0n };
    assert.throws(
      () => writeOrigin({ ...SAMPLE, exportStatistics: negative }),
      /\[ORIGIN_FIELD_INVALID\] Origin\.xml ExportStatistics/,
    );
  });
});

describe('readOrigin', () => {
  test('reports a missing element by path', async () => {
    const text = (await readFixtureEntry('Northwind.bacpac', 'Origin.xml'))
      .toString('utf8')
      .replace(/<ModelSchemaVersion>.*<\/ModelSchemaVersion>/, '');
    assert.throws(
      () => readOrigin(Buffer.from(text)),
      /\[ORIGIN_FIELD_MISSING\] Origin\.xml: expected element DacOrigin\/ModelSchemaVersion/,
    );
  });

  test('reports a non-numeric statistic', async () => {
    const text = (await readFixtureEntry('Northwind.bacpac', 'Origin.xml'))
      .toString('utf8')
      .replace('>3308<', '>3,308<');
    assert.throws(
      () => readOrigin(Buffer.from(text)),
      /\[ORIGIN_FIELD_INVALID\] Origin\.xml TableRowCountTotalTag: expected a non-negative integer, got "3,308"/,
    );
  });
});
