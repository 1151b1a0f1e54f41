import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildOriginInfo } from '../../../src/bacpac/package/origin-stats';
import type { OriginStatsInput } from '../../../src/bacpac/package/origin-stats';
import { writeOrigin } from '../../../src/bacpac/package/origin-writer';
import { readFixtureEntry } from '../../helpers/fixtures';

// The values of spss-2025-3-30-9-48.bacpac, a DacFx 162.5.57.1 export: the shape this exporter copies.
const SPSS: OriginStatsInput = {
  model: {
    header: {
      fileFormatVersion: '1.2',
      schemaVersion: '3.3',
      platform: 'SqlAzureV12',
      collationLcid: 1033,
      collationCaseSensitive: false,
    },
  },
  objectCounts: new Map([
    ['SqlTable', 34],
    ['SqlSimpleColumn', 275],
    ['SqlTypeSpecifier', 275],
    ['SqlPrimaryKeyConstraint', 34],
    ['SqlIndexedColumnSpecification', 80],
    ['SqlForeignKeyConstraint', 41],
    ['SqlIndex', 41],
    ['SqlDefaultConstraint', 2],
    ['SqlPermissionStatement', 2],
    ['SqlView', 0],
  ]),
  serverVersion:
    'Microsoft SQL Azure (RTM) - 12.0.2000.8 \n\tJan 29 2025 16:27:12 \n\tCopyright (C) 2022 Microsoft Corporation\n',
  tableRowCountTotal: 2183n,
  sourceDatabaseSize: 17704n,
  modelChecksum: '3cc95291e1a5cad04ec469328d9ae8153641832632f28764e351ac267ca06a53',
  identity: '5708BDB3-0906-48DF-9F0D-900625690567',
  startedAt: new Date('2025-03-30T02:49:05.306Z'),
  utcOffsetMinutes: 420,
};

describe('buildOriginInfo', () => {
  test('written with CRLF, equals the spss fixture except for the sub-millisecond digits of Start', async () => {
    const fixture = (await readFixtureEntry('spss-2025-3-30-9-48.bacpac', 'Origin.xml')).toString('utf8');
    const expected = fixture.replace(
      '<Start>2025-03-30T09:49:05.3062229+07:00</Start>',
      '<Start>2025-03-30T09:49:05.3060000+07:00</Start>',
    );
    assert.notEqual(expected, fixture);
    assert.equal(writeOrigin(buildOriginInfo(SPSS), '\r\n').toString('utf8'), expected);
  });

  test('DatabaseOptions is always 1; unprefixed keys are accepted', () => {
    const info = buildOriginInfo({ ...SPSS, objectCounts: new Map([['Table', 2]]) });
    assert.deepEqual(info.server.objectCounts, [
      { type: 'Table', count: 2 },
      { type: 'DatabaseOptions', count: 1 },
    ]);
  });

  test('a type counted under both spellings is refused', () => {
    const counts = new Map([
      ['SqlTable', 2],
      ['Table', 2],
    ]);
    assert.throws(
      () => buildOriginInfo({ ...SPSS, objectCounts: counts }),
      /\[ORIGIN_FIELD_INVALID\].*Table is counted twice/,
    );
  });

  test('ModelSchemaVersion follows the model header', () => {
    const model = { header: { ...SPSS.model.header, schemaVersion: '2.9' } };
    assert.equal(buildOriginInfo({ ...SPSS, model }).modelSchemaVersion, '2.9');
  });
});
