import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BcpRow } from '../../../src/bacpac/bcp/types';
import { columnsSql } from '../../../src/source/mssql/catalog/columns';
import { PARAMETERS_SQL } from '../../../src/source/mssql/catalog/parameters';
import { SCHEMAS_SQL, ROW_COUNTS_SQL } from '../../../src/source/mssql/catalog/schemas-types';
import { INDEXES_SQL } from '../../../src/source/mssql/catalog/indexes';
import { PERMISSIONS_SQL } from '../../../src/source/mssql/preflight/permissions';
import { SERVER_INFO_SQL } from '../../../src/source/mssql/catalog/server-info';
import { CLUSTERED_KEYS_SQL } from '../../../src/source/mssql/preflight/clustered-keys';
import { ORDER_KEY_SQL } from '../../../src/source/mssql/planning/key-info';
import { createMssqlSource } from '../../../src/source/mssql/mssql-source';
import type { PartSpec } from '../../../src/source/types';
import { rawColumnRow, SERVER_ROW } from './catalog-rows';
import { fakeConnector } from './fake-connector';
import type { IssuedQuery } from './fake-connector';
import { elementText, writtenText } from './fixture-text';

/** Catalog rows of a database with one table, [dbo].[Orders], as the driver returns them. */
const orders = { schemaName: 'dbo', tableName: 'Orders', tableId: 901578250 };
const column = (columnId: number, columnName: string, over: Record<string, unknown>) =>
  rawColumnRow({ ...orders, columnId, columnName, ...over });
const COLUMNS = [
  column(1, 'Id', {
    typeName: 'int',
    baseTypeName: 'int',
    maxLength: 4,
    precision: 10,
    scale: 0,
    isIdentity: true,
    identitySeed: '1',
    identityIncrement: '1',
    identityLastValue: '3000000',
  }),
  column(2, 'Name', {
    typeName: 'nvarchar',
    baseTypeName: 'nvarchar',
    maxLength: 100,
    precision: 0,
    scale: 0,
    collationName: 'SQL_Latin1_General_CP1_CI_AS',
    defaultName: 'DF__Orders__Name__3B75D760',
    defaultDefinition: "(N'')",
    defaultIsSystemNamed: true,
  }),
  column(3, 'Total', {
    typeName: 'decimal',
    baseTypeName: 'decimal',
    maxLength: 9,
    precision: 18,
    scale: 2,
    isNullable: true,
  }),
];
const PK = {
  ...orders,
  indexId: 1,
  indexName: 'PK_Orders',
  indexType: 1,
  isUnique: true,
  isPrimaryKey: true,
  isUniqueConstraint: false,
  ignoreDupKey: false,
  fillFactor: 0,
  filterDefinition: null,
  isDisabled: false,
  isSystemNamed: false,
  keyOrdinal: 1,
  isIncluded: false,
  isDescending: false,
  columnName: 'Id',
};
const ORDER_KEY = [
  {
    columnName: 'Id',
    typeName: 'int',
    maxLength: 4,
    precision: 10,
    scale: 0,
    isDescending: false,
    indexId: 1,
    indexType: 1,
  },
];

function respond(q: IssuedQuery): readonly unknown[] | undefined {
  switch (q.sql) {
    case PERMISSIONS_SQL:
      return [{ viewDefinition: 1, selectData: 1, viewDatabaseState: 1 }];
    case 'SELECT USER_NAME() AS u;':
      return [{ u: 'exporter' }];
    case SERVER_INFO_SQL:
      return [SERVER_ROW];
    case SCHEMAS_SQL:
      return [];
    case columnsSql():
    case columnsSql('t.object_id = OBJECT_ID(@table)'):
      return COLUMNS;
    case INDEXES_SQL:
      return [PK];
    case ROW_COUNTS_SQL:
      return [
        {
          schemaName: 'dbo',
          tableName: 'Orders',
          rowCount: '3000000',
          reservedBytes: '98304000',
          hasClusteredIndex: 1,
        },
      ];
    case CLUSTERED_KEYS_SQL:
      return [
        {
          schemaName: 'dbo',
          tableName: 'Orders',
          indexType: 1,
          keyType: 'int',
          isDescending: 0,
          hasStatistics: 1,
        },
      ];
    case ORDER_KEY_SQL:
      return q.inputs.table === '[dbo].[Orders]' ? ORDER_KEY : [];
  }
  if (q.sql.includes('sys.dm_db_stats_histogram')) {
    return [1, 2, 3].map((n) => ({ upperText: String(n * 1_000_000), rangeRows: 999_999, equalRows: 1 }));
  }
  if (q.stream)
    return [
      [1_000_001, 'first', '12.50'],
      [1_000_002, '', null],
    ];
  return undefined;
}

test('readSchema: one query per catalog view, and a model that writes as model.xml', async () => {
  const fake = fakeConnector(respond);
  const source = createMssqlSource({ connectionString: 'unused', connector: fake.connector });
  const schema = await source.readSchema();
  const sqls = fake.issued.map((q) => q.sql);
  assert.equal(new Set(sqls).size, sqls.length, 'no statement is sent twice');
  for (const sql of [
    PERMISSIONS_SQL,
    SERVER_INFO_SQL,
    columnsSql(),
    INDEXES_SQL,
    PARAMETERS_SQL,
    columnsSql(undefined, 'tableTypes'),
  ])
    assert.ok(sqls.includes(sql));
  assert.ok(
    fake.issued.every((q) => !q.stream && Object.keys(q.inputs).length === 0),
    'catalog queries take no parameters',
  );
  assert.equal(fake.closed(), 1);
  assert.equal(schema.databaseName, 'shop');
  assert.deepEqual(schema.tables, [
    {
      schema: 'dbo',
      name: 'Orders',
      columns: [
        { name: 'Id', type: 'int', nullable: false },
        { name: 'Name', type: 'nvarchar', nullable: false, length: 50 },
        { name: 'Total', type: 'decimal', nullable: true, precision: 18, scale: 2 },
      ],
      estimatedRows: '3000000',
      estimatedBytes: '98304000',
    },
  ]);
  assert.deepEqual(schema.findings, []);
  const xml = writtenText(schema.model);
  assert.equal(
    elementText(xml, '<Element Type="SqlDefaultConstraint">'),
    [
      '\t\t<Element Type="SqlDefaultConstraint">',
      '\t\t\t<Property Name="DefaultExpressionScript">',
      "\t\t\t\t<Value><![CDATA[(N'')]]></Value>",
      '\t\t\t</Property>',
      '\t\t\t<Relationship Name="DefiningTable">',
      '\t\t\t\t<Entry>',
      '\t\t\t\t\t<References Name="[dbo].[Orders]" />',
      '\t\t\t\t</Entry>',
      '\t\t\t</Relationship>',
      '\t\t\t<Relationship Name="ForColumn">',
      '\t\t\t\t<Entry>',
      '\t\t\t\t\t<References Name="[dbo].[Orders].[Name]" />',
      '\t\t\t\t</Entry>',
      '\t\t\t</Relationship>',
      '\t\t\t<Annotation Type="SqlInlineConstraintAnnotation" Name="[dbo].[DF__Orders__Name__3B75D760]" Disambiguator="5" />',
      '\t\t</Element>',
    ].join('\n'),
  );
  assert.match(
    elementText(xml, '<Element Type="SqlSimpleColumn" Name="[dbo].[Orders].[Name]">'),
    /<AttachedAnnotation Disambiguator="5" \/>/,
  );
  assert.match(xml, /<Element Type="SqlPrimaryKeyConstraint" Name="\[dbo\]\.\[PK_Orders\]">/);
});

test('readSchema fails with SQL_PERMISSION naming what is missing', async () => {
  const fake = fakeConnector((q) =>
    q.sql === PERMISSIONS_SQL ? [{ viewDefinition: 1, selectData: 0, viewDatabaseState: 0 }] : respond(q),
  );
  const source = createMssqlSource({
    connectionString: 'unused',
    connector: fake.connector,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  await assert.rejects(
    source.readSchema(),
    /^MssqlSourceError: \[SQL_PERMISSION\] exporter lacks SELECT, VIEW DATABASE STATE on database \[shop\]/,
  );
});

test('planParts reads the clustered key and its histogram and returns contiguous key ranges', async () => {
  const fake = fakeConnector(respond);
  const source = createMssqlSource({ connectionString: 'unused', connector: fake.connector });
  const table = { schema: 'dbo', name: 'Orders', columns: [], estimatedRows: '3000000', estimatedBytes: '0' };
  assert.deepEqual(
    await source.planParts({ ...table, estimatedRows: '10' }, { splitRowThreshold: 1_000_000 }),
    [{ schema: 'dbo', table: 'Orders', segment: 0, estimatedRows: '10' }],
  );
  assert.equal(fake.issued.length, 0, 'a small table needs no query');
  const parts = await source.planParts(table, { splitRowThreshold: 1_000_000 });
  assert.deepEqual(
    fake.issued.map((q) => q.inputs),
    [{ table: '[dbo].[Orders]' }, { table: '[dbo].[Orders]', statsId: 1 }],
  );
  assert.equal(fake.issued[0]?.sql, ORDER_KEY_SQL);
  assert.match(
    fake.issued[1]?.sql ?? '',
    /CONVERT\(nvarchar\(60\), CAST\(h\.range_high_key AS int\)\) AS upperText/,
  );
  assert.ok(parts.length > 1);
  const ranges = parts.map((p) => p.range as { lower?: string; upper?: string; includeNulls: boolean });
  assert.deepEqual(
    parts.map((p) => p.segment),
    parts.map((_, i) => i),
  );
  assert.equal(ranges[0]?.lower, undefined);
  assert.equal(ranges[0]?.includeNulls, true);
  assert.equal(ranges.at(-1)?.upper, undefined);
  for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i]?.lower, ranges[i - 1]?.upper);
});

test('openRows selects the part key range in key order and streams converted rows', async () => {
  const fake = fakeConnector(respond);
  const source = createMssqlSource({ connectionString: 'unused', connector: fake.connector });
  const part: PartSpec = {
    schema: 'dbo',
    table: 'Orders',
    segment: 1,
    estimatedRows: '1000000',
    range: { kind: 'keyRange', column: 'Id', lower: '1000000', upper: '2000000', includeNulls: false },
  };
  const rows: BcpRow[] = [];
  for await (const row of source.openRows(part)) rows.push(row as BcpRow);
  const select = fake.issued.find((q) => q.stream);
  assert.equal(
    select?.sql,
    'SELECT [Id], [Name], CONVERT(varchar(41), [Total]) FROM [dbo].[Orders] WHERE [Id] > 1000000 AND [Id] <= 2000000 ORDER BY [Id];',
  );
  assert.deepEqual(rows, [
    [1_000_001, 'first', '12.50'],
    [1_000_002, '', null],
  ]);
  assert.equal(fake.closed(), 1, 'the connection is released at the end of the stream');
});
