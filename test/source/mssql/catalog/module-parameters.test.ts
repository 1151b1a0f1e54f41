import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelElement, SysCommentsObjectAnnotation } from '../../../../src/bacpac/model/types';
import { buildModel } from '../../../../src/source/mssql/catalog/build-model';
import { readModuleRow } from '../../../../src/source/mssql/catalog/modules';
import { readParameterRow } from '../../../../src/source/mssql/catalog/parameters';
import { columnRow, emptyCatalog } from '../catalog-rows';
import { elementText, fixtureElement, fixtureModel, writtenText } from '../fixture-text';

/**
 * The original definition of a fixture module: its SysComments header, body and footer, with the
 * CRLF line breaks sys.sql_modules holds (the reader gives script text with LF).
 */
function definitionOf(el: ModelElement): string {
  const holder =
    el.type === 'SqlScalarFunction' ||
    el.type === 'SqlMultiStatementTableValuedFunction' ||
    el.type === 'SqlInlineTableValuedFunction'
      ? el.relationships.FunctionBody
      : el;
  const comments = holder?.annotations?.find(
    (a): a is SysCommentsObjectAnnotation => a.type === 'SysCommentsObjectAnnotation',
  );
  const script = (holder?.properties as { BodyScript?: { text: string } }).BodyScript;
  return `${comments?.properties.HeaderContents ?? ''}${(script?.text ?? '').replace(/\n/g, '\r\n')}${comments?.properties.FooterContents ?? ''}`;
}

/** The element text without the relationships DacFx derives from parsing the body. */
function withoutParsed(text: string): string {
  let result = text;
  for (const name of ['BodyDependencies', 'DynamicObjects']) {
    const open = result.indexOf(`\t\t\t<Relationship Name="${name}">`);
    if (open < 0) continue;
    const closing = '\n\t\t\t</Relationship>\n';
    const close = result.indexOf(closing, open);
    result = result.slice(0, open) + result.slice(close + closing.length);
  }
  return result;
}

const moduleRow = (objectId: number, objectName: string, objectType: string, definition: string) =>
  readModuleRow({
    objectId,
    schemaName: 'dbo',
    objectName,
    objectType,
    definition,
    usesAnsiNulls: true,
    usesQuotedIdentifier: true,
    isSchemaBound: false,
    isEncrypted: 0,
    isInsteadOf: null,
    isNotForReplication: null,
    isInsert: 0,
    isUpdate: 0,
    isDelete: 0,
  });

const param = (
  objectId: number,
  parameterId: number,
  parameterName: string,
  over: Record<string, unknown> = {},
) =>
  readParameterRow({
    objectId,
    parameterId,
    parameterName,
    typeName: 'int',
    typeSchema: 'sys',
    isAliasType: false,
    baseTypeName: 'int',
    maxLength: 4,
    precision: 10,
    scale: 0,
    isOutput: false,
    isReadOnly: false,
    isXmlDocument: false,
    xmlCollectionName: null,
    xmlCollectionSchema: null,
    ...over,
  });

test('procedures and functions of AdventureWorksLT2022 are written as the fixture writes them (parameters, defaults, return types, returned table)', async () => {
  const fixture = await fixtureModel('AdventureWorksLT2022.bacpac');
  const def = (type: string, name: string) => definitionOf(fixtureElement(fixture.model, type, name));
  const nvarchar50 = { typeName: 'nvarchar', baseTypeName: 'nvarchar', maxLength: 100, precision: 0 };
  const fn = { schemaName: 'dbo', tableName: 'ufnGetAllCategories', tableId: 3 };
  const { model } = buildModel(
    emptyCatalog({
      modules: [
        moduleRow(1, 'uspLogError', 'P', def('SqlProcedure', '[dbo].[uspLogError]')),
        moduleRow(
          2,
          'ufnGetSalesOrderStatusText',
          'FN',
          def('SqlScalarFunction', '[dbo].[ufnGetSalesOrderStatusText]'),
        ),
        moduleRow(
          3,
          'ufnGetAllCategories',
          'TF',
          def('SqlMultiStatementTableValuedFunction', '[dbo].[ufnGetAllCategories]'),
        ),
        moduleRow(
          4,
          'ufnGetCustomerInformation',
          'IF',
          def('SqlInlineTableValuedFunction', '[dbo].[ufnGetCustomerInformation]'),
        ),
      ],
      parameters: [
        param(1, 1, '@ErrorLogID', { isOutput: true }),
        param(2, 0, '', { ...nvarchar50, maxLength: 30 }),
        param(2, 1, '@Status', { typeName: 'tinyint', baseTypeName: 'tinyint', maxLength: 1, precision: 3 }),
        param(4, 1, '@CustomerID'),
      ],
      functionColumns: [
        columnRow({
          ...fn,
          columnId: 1,
          columnName: 'ParentProductCategoryName',
          ...nvarchar50,
          isNullable: true,
          collationName: 'SQL_Latin1_General_CP1_CI_AS',
        }),
        columnRow({
          ...fn,
          columnId: 2,
          columnName: 'ProductCategoryName',
          ...nvarchar50,
          collationName: 'SQL_Latin1_General_CP1_CI_AS',
        }),
        columnRow({ ...fn, columnId: 3, columnName: 'ProductCategoryID' }),
      ],
    }),
  );
  const ours = writtenText(model);
  for (const open of [
    '<Element Type="SqlProcedure" Name="[dbo].[uspLogError]">',
    '<Element Type="SqlScalarFunction" Name="[dbo].[ufnGetSalesOrderStatusText]">',
    '<Element Type="SqlMultiStatementTableValuedFunction" Name="[dbo].[ufnGetAllCategories]">',
  ]) {
    assert.equal(elementText(ours, open), withoutParsed(elementText(fixture.text, open)), open);
  }
  const inline = '<Element Type="SqlInlineTableValuedFunction" Name="[dbo].[ufnGetCustomerInformation]">';
  const parameters = '<Relationship Name="Parameters">';
  assert.equal(
    elementText(elementText(ours, inline), parameters),
    elementText(elementText(fixture.text, inline), parameters),
  );
});
