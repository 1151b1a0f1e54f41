import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readModelXml } from '../../../src/bacpac/model/reader';
import { countObjects } from '../../../src/bacpac/model/object-counts';
import { readOrigin } from '../../../src/bacpac/package/origin-reader';
import { buildOriginInfo } from '../../../src/bacpac/package/origin-stats';
import { writeOrigin } from '../../../src/bacpac/package/origin-writer';
import { detectLineEnding } from '../../../src/bacpac/package/xml-text';
import { readFixtureEntries } from '../../helpers/fixtures';

const IDENTITY = '0F8FAD5B-D9CB-469F-A165-70867728950E';
const STARTED_AT = new Date('2025-03-30T02:49:05.306Z');
const OUR_OPERATION_LINES = [
  '    <Identity>0f8fad5b-d9cb-469f-a165-70867728950e</Identity>',
  '    <Start>2025-03-30T09:49:05.3060000+07:00</Start>',
  '    <End>0001-01-01T00:00:00.0000000</End>',
  '    <ProductName>Microsoft.SqlServer.Dac, Version=162.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a</ProductName>',
  '    <ProductVersion>162.5.57.1</ProductVersion>',
];

// The four fixtures whose Origin.xml has ExportStatistics, as this exporter always writes.
const WITH_STATISTICS = [
  'bacpactod-Test.bacpac',
  'spss-2025-3-30-9-48.bacpac',
  'AdventureWorksLT2022.bacpac',
  'Northwind.bacpac',
];

describe('buildOriginInfo on the real models', () => {
  for (const name of WITH_STATISTICS) {
    test(`${name}: equals the fixture's Origin.xml but for our Operation and no DataPhaseTables`, async () => {
      const entries = await readFixtureEntries(name);
      const model = entries.get('model.xml')!;
      const origin = entries.get('Origin.xml')!;
      const eol = detectLineEnding(origin);
      const fixtureText = origin.toString('utf8');
      const checksum = /<Checksum Uri="\/model\.xml">([0-9A-F]{64})</.exec(fixtureText)?.[1];
      const rowTotal = /<TableRowCountTotalTag>(\d+)</.exec(fixtureText)?.[1];
      const size = /<SourceDatabaseSize>(\d+)</.exec(fixtureText)?.[1];
      assert.ok(checksum && rowTotal && size);
      const expected = fixtureText
        .replace(/ {4}<Identity>[\s\S]*<\/ProductVersion>/, OUR_OPERATION_LINES.join(eol))
        .replace(/\r?\n {2}<DataPhaseTables>.*<\/DataPhaseTables>/, '');

      const parsed = await readModelXml(model);
      const info = buildOriginInfo({
        header: parsed.header,
        objectCounts: countObjects(parsed),
        serverVersion: readOrigin(origin).server.serverVersion,
        tableRowCountTotal: BigInt(rowTotal),
        sourceDatabaseSize: BigInt(size),
        modelChecksum: checksum.toLowerCase(),
        identity: IDENTITY,
        startedAt: STARTED_AT,
        utcOffsetMinutes: 420,
      });
      assert.equal(writeOrigin(info, eol).toString('utf8'), expected);
    });
  }

  test('spss (DacFx 162.5.57.1, the release we imitate) differs only in the sub-millisecond digits of Start', async () => {
    const entries = await readFixtureEntries('spss-2025-3-30-9-48.bacpac');
    const origin = entries.get('Origin.xml')!;
    const parsed = await readModelXml(entries.get('model.xml')!);
    const info = buildOriginInfo({
      header: parsed.header,
      objectCounts: countObjects(parsed),
      serverVersion: readOrigin(origin).server.serverVersion,
      tableRowCountTotal: 2183n,
      sourceDatabaseSize: 17704n,
      modelChecksum: '3CC95291E1A5CAD04EC469328D9AE8153641832632F28764E351AC267CA06A53',
      identity: '5708bdb3-0906-48df-9f0d-900625690567',
      startedAt: STARTED_AT,
      utcOffsetMinutes: 420,
    });
    const expected = origin.toString('utf8').replace('09:49:05.3062229+07:00', '09:49:05.3060000+07:00');
    assert.equal(writeOrigin(info).toString('utf8'), expected);
  });
});
