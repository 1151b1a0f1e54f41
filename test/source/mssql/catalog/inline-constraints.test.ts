import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../../../src/source/mssql/catalog/build-model';
import {
  readCheckConstraintRow,
  readForeignKeyColumnRow,
} from '../../../../src/source/mssql/catalog/constraints';
import { readIndexColumnRow } from '../../../../src/source/mssql/catalog/indexes';
import { columnRow, emptyCatalog } from '../catalog-rows';
import { anyDisambiguator, elementText, fixtureModel, writtenText } from '../fixture-text';

const pkRow = (over: Record<string, unknown>) =>
  readIndexColumnRow({
    schemaName: 'dbo',
    tableName: 'FloatFields1',
    tableId: 1,
    indexId: 1,
    indexName: 'PK__FloatFie__3214EC27C8CA03C2',
    indexType: 1,
    isUnique: true,
    isPrimaryKey: true,
    isUniqueConstraint: false,
    ignoreDupKey: false,
    fillFactor: 0,
    filterDefinition: null,
    isDisabled: false,
    isSystemNamed: true,
    keyOrdinal: 1,
    isIncluded: false,
    isDescending: false,
    columnName: 'ID',
    ...over,
  });

test('a system-named default is written as spss-2025 writes it: unnamed, on its column', async () => {
  const fixture = await fixtureModel('spss-2025-3-30-9-48.bacpac');
  const table = { schemaName: 'dbo', tableName: 'CartItems', tableId: 7 };
  const { model } = buildModel(
    emptyCatalog({
      columns: [
        columnRow({
          ...table,
          columnId: 1,
          columnName: 'ProductItemId',
          typeName: 'uniqueidentifier',
          baseTypeName: 'uniqueidentifier',
          maxLength: 16,
        }),
        columnRow({
          ...table,
          columnId: 2,
          columnName: 'Quantity',
          defaultName: 'DF__CartItems__Quant__1BC821DD',
          defaultDefinition: '((1))',
          defaultIsSystemNamed: true,
        }),
      ],
    }),
  );
  const ours = writtenText(model);
  const marker = 'Name="[dbo].[DF__CartItems__Quant__1BC821DD]"';
  assert.equal(
    anyDisambiguator(elementText(ours, '<Element Type="SqlDefaultConstraint">', marker)),
    anyDisambiguator(elementText(fixture.text, '<Element Type="SqlDefaultConstraint">', marker)),
  );
  const column = '<Element Type="SqlSimpleColumn" Name="[dbo].[CartItems].[Quantity]">';
  assert.equal(
    anyDisambiguator(elementText(ours, column)),
    anyDisambiguator(elementText(fixture.text, column)),
  );
  const d = /SqlInlineConstraintAnnotation.*Disambiguator="(\d+)"/.exec(ours)?.[1];
  assert.match(elementText(ours, column), new RegExp(`<AttachedAnnotation Disambiguator="${d}" />`));
});

test('a system-named primary key is written as bacpactod-Test writes it: unnamed, attached to the table', async () => {
  const fixture = await fixtureModel('bacpactod-Test.bacpac');
  const t = { schemaName: 'dbo', tableName: 'FloatFields1', tableId: 1 };
  const float = (columnId: number, columnName: string, precision: number) =>
    columnRow({
      ...t,
      columnId,
      columnName,
      typeName: 'float',
      baseTypeName: 'float',
      maxLength: precision > 24 ? 8 : 4,
      precision,
      isNullable: true,
    });
  const { model } = buildModel(
    emptyCatalog({
      columns: [
        columnRow({ ...t, columnName: 'ID' }),
        float(2, 'Field_float_1', 24),
        float(3, 'Field_float_24', 24),
        float(4, 'Field_float_25', 53),
        float(5, 'Field_float_53', 53),
      ],
      indexes: [pkRow({})],
    }),
  );
  const ours = writtenText(model);
  const marker = 'Name="[dbo].[PK__FloatFie__3214EC27C8CA03C2]"';
  assert.equal(
    anyDisambiguator(elementText(ours, '<Element Type="SqlPrimaryKeyConstraint">', marker)),
    anyDisambiguator(elementText(fixture.text, '<Element Type="SqlPrimaryKeyConstraint">', marker)),
  );
  const table = '<Element Type="SqlTable" Name="[dbo].[FloatFields1]">';
  assert.equal(
    anyDisambiguator(elementText(ours, table)),
    anyDisambiguator(elementText(fixture.text, table)),
  );
});

test('disambiguators start at 5, are unique, and pair each unnamed constraint with its owner', () => {
  const t = { schemaName: 'dbo', tableName: 'T', tableId: 1 };
  const { model } = buildModel(
    emptyCatalog({
      columns: [
        columnRow({
          ...t,
          columnName: 'ID',
          defaultName: 'DF__T__ID__1',
          defaultDefinition: '((0))',
          defaultIsSystemNamed: true,
        }),
        columnRow({
          ...t,
          columnId: 2,
          columnName: 'Code',
          defaultName: 'DF_T_Code',
          defaultDefinition: '((1))',
        }),
      ],
      indexes: [
        pkRow({ tableName: 'T', indexName: 'PK__T__1' }),
        pkRow({
          tableName: 'T',
          indexId: 2,
          indexName: 'Code',
          indexType: 2,
          isPrimaryKey: false,
          isUnique: false,
          isSystemNamed: false,
          columnName: 'Code',
        }),
      ],
      checks: [
        readCheckConstraintRow({
          schemaName: 'dbo',
          constraintName: 'CK__T__Code__2',
          definition: '([Code]>(0))',
          isSystemNamed: true,
          isNotTrusted: true,
          tableSchema: 'dbo',
          tableName: 'T',
        }),
      ],
      foreignKeys: [
        readForeignKeyColumnRow({
          constraintId: 9,
          schemaName: 'dbo',
          constraintName: 'FK_T_T',
          isSystemNamed: false,
          onDelete: 1,
          onUpdate: 0,
          tableSchema: 'dbo',
          tableName: 'T',
          foreignSchema: 'dbo',
          foreignTable: 'T',
          columnName: 'Code',
          foreignColumnName: 'ID',
        }),
      ],
    }),
  );
  const byType = (type: string) => model.elements.filter((e) => e.type === type);
  const [dfInline, dfNamed] = [
    byType('SqlDefaultConstraint').find((e) => e.name === undefined),
    byType('SqlDefaultConstraint').find((e) => e.name !== undefined),
  ];
  assert.equal(dfNamed?.name, '[dbo].[DF_T_Code]');
  assert.equal(dfNamed?.annotations, undefined);
  const inlineOf = (
    e: { annotations?: readonly { type: string; name?: string; disambiguator?: number }[] } | undefined,
  ) => e?.annotations?.find((a) => a.type === 'SqlInlineConstraintAnnotation');
  assert.equal(inlineOf(dfInline)?.name, '[dbo].[DF__T__ID__1]');
  const pk = byType('SqlPrimaryKeyConstraint')[0];
  const ck = byType('SqlCheckConstraint')[0];
  assert.equal(pk?.name, undefined);
  assert.equal(ck?.name, undefined);
  assert.deepEqual(
    ck?.annotations?.map((a) => a.type),
    ['IsNotTrustedPropertyAnnotation', 'SqlInlineConstraintAnnotation'],
  );
  assert.equal(byType('SqlForeignKeyConstraint')[0]?.name, '[dbo].[FK_T_T]');
  const index = byType('SqlIndex')[0];
  assert.equal(index?.name, '[dbo].[T].[Code]');
  const numbers = [inlineOf(dfInline), inlineOf(pk), inlineOf(ck)].map((a) => a?.disambiguator);
  numbers.push(index?.disambiguator);
  assert.deepEqual([...numbers].sort(), [5, 6, 7, 8], 'index named like a column gets one too');
  const table = byType('SqlTable')[0];
  assert.deepEqual(
    table?.annotations,
    [inlineOf(pk), inlineOf(ck)].map((a) => ({
      type: 'AttachedAnnotation',
      disambiguator: a?.disambiguator,
    })),
  );
  const id = table?.type === 'SqlTable' ? table.relationships.Columns?.[0] : undefined;
  assert.deepEqual(id?.annotations, [
    { type: 'AttachedAnnotation', disambiguator: inlineOf(dfInline)?.disambiguator },
  ]);
});
