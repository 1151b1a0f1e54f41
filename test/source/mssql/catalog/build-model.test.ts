import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../../src/source/mssql/catalog/build-model';
import type { CatalogRows } from '../../../../src/source/mssql/catalog/build-model';
import { columnRow, emptyCatalog } from '../catalog-rows';
import { readServerInfo } from '../../../../src/source/mssql/catalog/server-info';

// Rows shaped as the driver returns them for SERVER_INFO_SQL and columnsSql() on an Azure SQL database.
const server = readServerInfo({
  databaseName: 'shop',
  serverVersion: 'Microsoft SQL Azure (RTM) - 12.0.2000.8',
  engineEdition: 5,
  majorVersion: 12,
  collationName: 'SQL_Latin1_General_CP1_CI_AS',
  collationLcid: 1033,
  compatibilityLevel: 160,
  snapshotIsolationState: 1,
  isReadCommittedSnapshotOn: true,
  isAnsiNullDefaultOn: false,
  isAnsiNullsOn: false,
  isAnsiPaddingOn: false,
  isAnsiWarningsOn: false,
  isArithAbortOn: false,
  isConcatNullYieldsNullOn: false,
  isQuotedIdentifierOn: false,
  isCursorCloseOnCommitOn: false,
  isLocalCursorDefault: false,
  isAutoCloseOn: false,
  recoveryModel: 1,
  pageVerifyOption: 2,
  isFullTextEnabled: true,
  isBrokerEnabled: true,
  isEncrypted: true,
  targetRecoveryTime: 120,
  containment: 0,
  sizeKb: '16384',
});
const column = (over: Record<string, unknown>) =>
  columnRow({ tableName: 'Orders', tableId: 901578250, ...over });

const rows: CatalogRows = emptyCatalog({
  server,
  columns: [
    column({ isIdentity: true, identitySeed: '1', identityIncrement: '1', identityLastValue: '1834' }),
    column({
      columnId: 2,
      columnName: 'Total',
      typeName: 'decimal',
      baseTypeName: 'decimal',
      maxLength: 9,
      precision: 18,
      scale: 2,
      isNullable: true,
    }),
    column({
      columnId: 3,
      columnName: 'Name',
      typeName: 'nvarchar',
      baseTypeName: 'nvarchar',
      maxLength: 100,
      precision: 0,
      collationName: 'SQL_Latin1_General_CP1_CI_AS',
      defaultName: 'DF_Orders_Name',
      defaultDefinition: "(N'')",
    }),
    column({
      columnId: 4,
      columnName: 'Twice',
      typeName: 'decimal',
      baseTypeName: 'decimal',
      isComputed: true,
      computedDefinition: '([Total]*(2))',
      isNullable: true,
    }),
    column({
      columnId: 5,
      columnName: 'Ver',
      typeName: 'timestamp',
      baseTypeName: 'timestamp',
      maxLength: 8,
    }),
  ],
  rowCounts: [
    {
      schemaName: 'dbo',
      tableName: 'Orders',
      rowCount: '1834',
      reservedBytes: '147456',
      hasClusteredIndex: true,
    },
  ],
});

test('an Azure database maps to SqlAzureV12 with its collation LCID and options', () => {
  const { model } = buildModel(rows);
  assert.equal(model.header.platform, 'SqlAzureV12');
  assert.equal(model.header.collationLcid, 1033);
  assert.equal(model.header.collationCaseSensitive, false);
  assert.equal(model.databaseOptions.properties.Collation, 'SQL_Latin1_General_CP1_CI_AS');
  assert.equal(model.databaseOptions.properties.IsAllowSnapshotIsolation, true);
  assert.equal(model.databaseOptions.properties.TargetRecoveryTimePeriod, 120);
});

test('table columns: identity with LastValue, decimal facets, computed column, rowversion', () => {
  const { model } = buildModel(rows);
  const table = model.elements.find((e) => e.type === 'SqlTable');
  assert.ok(table && table.type === 'SqlTable');
  assert.equal(table.name, '[dbo].[Orders]');
  const cols = table.relationships.Columns ?? [];
  assert.deepEqual(
    cols.map((c) => `${c.type} ${c.name}`),
    [
      'SqlSimpleColumn [dbo].[Orders].[Id]',
      'SqlSimpleColumn [dbo].[Orders].[Total]',
      'SqlSimpleColumn [dbo].[Orders].[Name]',
      'SqlComputedColumn [dbo].[Orders].[Twice]',
      'SqlSimpleColumn [dbo].[Orders].[Ver]',
    ],
  );
  const id = cols[0];
  assert.ok(id && id.type === 'SqlSimpleColumn');
  assert.deepEqual(id.properties, { IsNullable: false, IsIdentity: true });
  assert.deepEqual(id.annotations, [
    { type: 'OnlinePropertyAnnotation', name: '[LastValue]', properties: { Value: '1834' } },
  ]);
  const total = cols[1];
  assert.ok(total && total.type === 'SqlSimpleColumn');
  assert.deepEqual(total.relationships.TypeSpecifier, {
    type: 'SqlTypeSpecifier',
    properties: { Scale: 2, Precision: 18 },
    relationships: { Type: { externalSource: 'BuiltIns', name: '[decimal]' } },
  });
  const name = cols[2];
  assert.ok(name && name.type === 'SqlSimpleColumn');
  assert.deepEqual(
    name.properties,
    { IsNullable: false },
    'the database collation is not repeated on the column',
  );
  assert.deepEqual(name.relationships.TypeSpecifier?.properties, { Length: 50 });
  const ver = cols[4];
  assert.ok(ver && ver.type === 'SqlSimpleColumn');
  assert.deepEqual(ver.relationships.TypeSpecifier?.relationships.Type, {
    externalSource: 'BuiltIns',
    name: '[rowversion]',
  });
});

test('the default constraint is a top-level element on its column', () => {
  const { model } = buildModel(rows);
  const df = model.elements.find((e) => e.type === 'SqlDefaultConstraint');
  assert.deepEqual(df, {
    type: 'SqlDefaultConstraint',
    name: '[dbo].[DF_Orders_Name]',
    properties: { DefaultExpressionScript: { text: "(N'')" } },
    relationships: {
      DefiningTable: { name: '[dbo].[Orders]' },
      ForColumn: { name: '[dbo].[Orders].[Name]' },
    },
  });
});

test('the exported table leaves the computed column out of its BCP columns', () => {
  const { tables } = buildModel(rows);
  assert.deepEqual(tables, [
    {
      schema: 'dbo',
      name: 'Orders',
      columns: [
        { name: 'Id', type: 'int', nullable: false },
        { name: 'Total', type: 'decimal', nullable: true, precision: 18, scale: 2 },
        { name: 'Name', type: 'nvarchar', nullable: false, length: 50 },
        { name: 'Ver', type: 'rowversion', nullable: false },
      ],
      estimatedRows: '1834',
      estimatedBytes: '147456',
    },
  ]);
});

test('excluded objects are left out of the model', () => {
  const { model, tables } = buildModel(rows, { excluded: new Set(['[dbo].[Orders]']) });
  assert.equal(model.elements.filter((e) => e.type === 'SqlTable').length, 0);
  assert.equal(tables.length, 0);
});
