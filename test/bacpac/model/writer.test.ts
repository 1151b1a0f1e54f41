import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readModelXml } from '../../../src/bacpac/model/reader';
import type { DatabaseModel, SqlTable, SqlView } from '../../../src/bacpac/model/types';
import { builtIn, ref } from '../../../src/bacpac/model/values';
import { modelXmlBytes, writeModelXml } from '../../../src/bacpac/model/writer';

const header = {
  fileFormatVersion: '1.2',
  schemaVersion: '2.9',
  platform: 'Sql150',
  collationLcid: 1033,
  collationCaseSensitive: false,
} as const;

const table: SqlTable = {
  type: 'SqlTable',
  name: '[dbo].[T]',
  properties: { IsAnsiNullsOn: true },
  relationships: {
    Schema: builtIn('[dbo]'),
    Columns: [
      {
        type: 'SqlSimpleColumn',
        name: '[dbo].[T].[a]',
        // Defaults are not written: IsNullable true, IsIdentity false.
        properties: { IsNullable: true, IsIdentity: false },
        relationships: {
          TypeSpecifier: {
            type: 'SqlTypeSpecifier',
            properties: { Scale: 0, Precision: 9 },
            relationships: { Type: builtIn('[decimal]') },
          },
        },
      },
    ],
  },
};

const view: SqlView = {
  type: 'SqlView',
  name: '[dbo].[V "&<>]',
  properties: {
    QueryScript: { text: "SELECT ']]>'\r\nFROM T\n", quotedIdentifiers: true, ansiNulls: false },
  },
  relationships: { QueryDependencies: [ref('[dbo].[T]')], Schema: builtIn('[dbo]') },
  annotations: [
    {
      type: 'SysCommentsObjectAnnotation',
      properties: { Length: 3, HeaderContents: 'CREATE VIEW x\r\n\tAS' },
    },
  ],
};

const model: DatabaseModel = {
  header,
  databaseOptions: {
    type: 'SqlDatabaseOptions',
    properties: { Collation: 'SQL_Latin1_General_CP1_CI_AS', IsAnsiPaddingOn: true },
    relationships: {},
  },
  elements: [view, table],
};

// Written by hand from the format notes: TABs, " />", escapes, CDATA split, sorted elements.
const expected = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<DataSchemaModel FileFormatVersion="1.2" SchemaVersion="2.9" DspName="Microsoft.Data.Tools.Schema.Sql.Sql150DatabaseSchemaProvider" CollationLcid="1033" CollationCaseSensitive="False" xmlns="http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02">',
  '\t<Model>',
  '\t\t<Element Type="SqlDatabaseOptions">',
  '\t\t\t<Property Name="Collation" Value="SQL_Latin1_General_CP1_CI_AS" />',
  '\t\t</Element>',
  '\t\t<Element Type="SqlTable" Name="[dbo].[T]">',
  '\t\t\t<Property Name="IsAnsiNullsOn" Value="True" />',
  '\t\t\t<Relationship Name="Columns">',
  '\t\t\t\t<Entry>',
  '\t\t\t\t\t<Element Type="SqlSimpleColumn" Name="[dbo].[T].[a]">',
  '\t\t\t\t\t\t<Relationship Name="TypeSpecifier">',
  '\t\t\t\t\t\t\t<Entry>',
  '\t\t\t\t\t\t\t\t<Element Type="SqlTypeSpecifier">',
  '\t\t\t\t\t\t\t\t\t<Property Name="Precision" Value="9" />',
  '\t\t\t\t\t\t\t\t\t<Relationship Name="Type">',
  '\t\t\t\t\t\t\t\t\t\t<Entry>',
  '\t\t\t\t\t\t\t\t\t\t\t<References ExternalSource="BuiltIns" Name="[decimal]" />',
  '\t\t\t\t\t\t\t\t\t\t</Entry>',
  '\t\t\t\t\t\t\t\t\t</Relationship>',
  '\t\t\t\t\t\t\t\t</Element>',
  '\t\t\t\t\t\t\t</Entry>',
  '\t\t\t\t\t\t</Relationship>',
  '\t\t\t\t\t</Element>',
  '\t\t\t\t</Entry>',
  '\t\t\t</Relationship>',
  '\t\t\t<Relationship Name="Schema">',
  '\t\t\t\t<Entry>',
  '\t\t\t\t\t<References ExternalSource="BuiltIns" Name="[dbo]" />',
  '\t\t\t\t</Entry>',
  '\t\t\t</Relationship>',
  '\t\t</Element>',
  '\t\t<Element Type="SqlView" Name="[dbo].[V &quot;&amp;&lt;>]">',
  '\t\t\t<Property Name="QueryScript">',
  '\t\t\t\t<Value QuotedIdentifiers="True" AnsiNulls="False"><![CDATA[SELECT \']]]]><![CDATA[>\'',
  'FROM T',
  ']]></Value>',
  '\t\t\t</Property>',
  '\t\t\t<Relationship Name="QueryDependencies">',
  '\t\t\t\t<Entry>',
  '\t\t\t\t\t<References Name="[dbo].[T]" />',
  '\t\t\t\t</Entry>',
  '\t\t\t</Relationship>',
  '\t\t\t<Relationship Name="Schema">',
  '\t\t\t\t<Entry>',
  '\t\t\t\t\t<References ExternalSource="BuiltIns" Name="[dbo]" />',
  '\t\t\t\t</Entry>',
  '\t\t\t</Relationship>',
  '\t\t\t<Annotation Type="SysCommentsObjectAnnotation">',
  '\t\t\t\t<Property Name="Length" Value="3" />',
  '\t\t\t\t<Property Name="HeaderContents" Value="CREATE VIEW x&#xD;&#xA;&#x9;AS" />',
  '\t\t\t</Annotation>',
  '\t\t</Element>',
  '\t</Model>',
  '</DataSchemaModel>',
];

describe('writeModelXml', () => {
  test('pinned text: order, defaults left out, escaping, CDATA split and line endings', () => {
    assert.equal([...writeModelXml(model, { lineEnding: '\n' })].join(''), expected.join('\n'));
    assert.equal(modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8'), expected.join('\r\n'));
  });

  test('the written text reads back to the same values (script newlines normalised to LF)', async () => {
    const back = await readModelXml(modelXmlBytes(model, { lineEnding: '\r\n' }));
    const v = back.elements.find((e) => e.type === 'SqlView');
    assert.equal(v?.name, '[dbo].[V "&<>]');
    assert.deepEqual(v?.properties, {
      QueryScript: { text: "SELECT ']]>'\nFROM T\n", quotedIdentifiers: true, ansiNulls: false },
    });
    assert.equal(
      v?.annotations?.[0]?.type === 'SysCommentsObjectAnnotation' &&
        v.annotations[0].properties.HeaderContents,
      'CREATE VIEW x\r\n\tAS',
    );
  });

  test('an unknown property or element kind in the model is a coded error', () => {
    const badProperty = {
      ...model,
      elements: [{ ...table, properties: { IsAnsiNullsOn: true, Bogus: 1 } } as SqlTable],
    };
    assert.throws(
      () => modelXmlBytes(badProperty, { lineEnding: '\n' }),
      /\[MODEL_UNKNOWN_PROPERTY\] SqlTable \[dbo\]\.\[T\]: property Bogus/,
    );
    const badKind = { ...model, elements: [{ ...table, type: 'SqlFoo' } as unknown as SqlTable] };
    assert.throws(
      () => modelXmlBytes(badKind, { lineEnding: '\n' }),
      /\[MODEL_UNKNOWN_ELEMENT\] SqlFoo \[dbo\]\.\[T\]/,
    );
  });
});
