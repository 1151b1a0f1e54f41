import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countObjects } from '../../../src/bacpac/model/object-counts';
import { readModelXml } from '../../../src/bacpac/model/reader';
import type { DatabaseModel, TopLevelElement } from '../../../src/bacpac/model/types';
import { builtIn, ref } from '../../../src/bacpac/model/values';
import { modelXmlBytes } from '../../../src/bacpac/model/writer';

const int = { type: 'SqlTypeSpecifier', properties: {}, relationships: { Type: builtIn('[int]') } } as const;

// Kinds and properties no fixture shows (their DacFx names are assumptions, see kinds/*.ts).
const elements: TopLevelElement[] = [
  {
    type: 'SqlSequence',
    name: '[dbo].[Seq]',
    properties: {
      IsCycling: true,
      CacheSize: 50,
      StartValue: { text: '100' },
      IncrementValue: { text: '5' },
    },
    relationships: { Schema: builtIn('[dbo]'), Type: int },
  },
  {
    type: 'SqlSynonym',
    name: '[dbo].[Syn]',
    properties: {},
    relationships: { ForObject: ref('[dbo].[T]'), Schema: builtIn('[dbo]') },
  },
  {
    type: 'SqlTableType',
    name: '[dbo].[TT]',
    properties: {},
    relationships: {
      Schema: builtIn('[dbo]'),
      Columns: [
        {
          type: 'SqlTableTypeSimpleColumn',
          name: '[dbo].[TT].[Id]',
          properties: { IsNullable: false },
          relationships: { TypeSpecifier: int },
        },
        {
          type: 'SqlTableTypeComputedColumn',
          name: '[dbo].[TT].[Twice]',
          properties: { ExpressionScript: { text: '([Id]*(2))' } },
          relationships: {},
        },
      ],
      Constraints: [
        {
          type: 'SqlTableTypePrimaryKeyConstraint',
          properties: { IsClustered: false },
          relationships: {
            ColumnSpecifications: [
              {
                type: 'SqlIndexedColumnSpecification',
                properties: { IsAscending: false },
                relationships: { Column: ref('[dbo].[TT].[Id]') },
              },
            ],
          },
        },
      ],
    },
  },
  { type: 'SqlRole', name: '[app]', properties: {}, relationships: { Authorizer: builtIn('[dbo]') } },
  { type: 'SqlRoleMembership', properties: {}, relationships: { Member: ref('[u]'), Role: ref('[app]') } },
  {
    type: 'SqlRule',
    name: '[dbo].[R]',
    properties: { ExpressionScript: { text: '@v > 0' } },
    relationships: { BoundTargets: [ref('[dbo].[T].[a]')], Schema: builtIn('[dbo]') },
  },
  {
    type: 'SqlDefault',
    name: '[dbo].[D]',
    properties: { ExpressionScript: { text: '0' } },
    relationships: { Schema: builtIn('[dbo]') },
  },
  {
    type: 'SqlColumnStoreIndex',
    name: '[dbo].[T].[CCI]',
    properties: { IsClustered: true },
    relationships: { IndexedObject: ref('[dbo].[T]') },
  },
  {
    type: 'SqlIndex',
    name: '[dbo].[T].[IX]',
    properties: { FilterPredicate: { text: '([a]>(0))' } },
    relationships: {
      ColumnSpecifications: [
        {
          type: 'SqlIndexedColumnSpecification',
          properties: { IsAscending: false },
          relationships: { Column: ref('[dbo].[T].[a]') },
        },
      ],
      IncludedColumns: [ref('[dbo].[T].[b]')],
      IndexedObject: ref('[dbo].[T]'),
    },
  },
  {
    type: 'SqlUser',
    name: '[u]',
    properties: { AuthenticationType: 1 },
    relationships: {
      Login: { name: '[gone]', unresolved: { targetTypeStorage: 'SqlLogin' } },
      DefaultSchema: builtIn('[dbo]'),
    },
  },
  {
    type: 'SqlForeignKeyConstraint',
    name: '[dbo].[FK]',
    properties: { OnDeleteAction: 2, OnUpdateAction: 1 },
    relationships: {
      Columns: [ref('[dbo].[T].[a]')],
      DefiningTable: ref('[dbo].[T]'),
      ForeignColumns: [ref('[dbo].[U].[a]')],
      ForeignTable: ref('[dbo].[U]'),
    },
  },
];

const model: DatabaseModel = {
  header: {
    fileFormatVersion: '1.2',
    schemaVersion: '3.5',
    platform: 'Sql170',
    collationLcid: 1033,
    collationCaseSensitive: true,
  },
  databaseOptions: {
    type: 'SqlDatabaseOptions',
    properties: { Collation: 'Latin1_General_CS_AS', MaxDop: 4 },
    relationships: {},
  },
  elements,
};

describe('kinds no fixture shows', () => {
  test('write, read back and write again: same model, same text', async () => {
    const first = modelXmlBytes(model, { lineEnding: '\r\n' });
    const back = await readModelXml(first);
    assert.deepEqual(new Set(back.elements), new Set(elements));
    assert.deepEqual(back.header, model.header);
    assert.ok(modelXmlBytes(back, { lineEnding: '\r\n' }).equals(first));
    const text = first.toString('utf8');
    assert.ok(text.includes('<Annotation Type="PersistedResolvableAnnotation" Name="[gone]">'));
    // Unnamed elements first, by Type (SqlDatabaseOptions, then SqlRoleMembership), then named ones.
    assert.ok(text.indexOf('"SqlDatabaseOptions"') < text.indexOf('<Element Type="SqlRoleMembership">'));
    assert.ok(
      text.indexOf('<Element Type="SqlRoleMembership">') <
        text.indexOf('<Element Type="SqlRole" Name="[app]">'),
    );
  });

  test('ObjectCounts counts nested table-type elements and leaves out specifications', () => {
    const counts = countObjects(model);
    assert.equal(counts.get('TableTypeSimpleColumn'), 1);
    assert.equal(counts.get('TableTypePrimaryKeyConstraint'), 1);
    assert.equal(counts.get('IndexedColumnSpecification'), undefined);
    assert.equal(counts.get('DatabaseOptions'), 1);
    assert.equal(counts.size, 15);
  });
});
