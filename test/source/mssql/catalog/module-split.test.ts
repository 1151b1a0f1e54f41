import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitModuleDefinition } from '../../../../src/source/mssql/catalog/module-split';

test('a view: header up to AS, body verbatim after it (as in AdventureWorksLT model.xml)', () => {
  const def =
    '\r\nCREATE VIEW [SalesLT].[vGetAllCategories]\r\nWITH SCHEMABINDING \r\nAS \r\n-- c\r\nSELECT 1 AS [x]';
  assert.deepEqual(splitModuleDefinition(def, 'V'), {
    header: '\r\nCREATE VIEW [SalesLT].[vGetAllCategories]\r\nWITH SCHEMABINDING \r\nAS',
    body: ' \r\n-- c\r\nSELECT 1 AS [x]',
  });
});

test('an inline function: header through RETURN, trailing ; is the footer', () => {
  const def =
    '\r\nCREATE FUNCTION [dbo].[ufnGetCustomerInformation](@CustomerID int)\r\nRETURNS TABLE \r\nAS \r\n-- Returns x.\r\nRETURN (\r\n    SELECT 1 AS a\r\n);';
  assert.deepEqual(splitModuleDefinition(def, 'IF'), {
    header:
      '\r\nCREATE FUNCTION [dbo].[ufnGetCustomerInformation](@CustomerID int)\r\nRETURNS TABLE \r\nAS \r\n-- Returns x.\r\nRETURN',
    body: ' (\r\n    SELECT 1 AS a\r\n)',
    footer: ';',
  });
});

test('AS inside comments, strings, brackets, parameter types and EXECUTE AS is skipped', () => {
  const def =
    "CREATE PROCEDURE [dbo].[p AS q] /* AS */ @a AS int = 1, @b varchar(5) = 'AS' -- AS\nWITH EXECUTE AS OWNER\nAS\nSELECT @a";
  assert.equal(splitModuleDefinition(def, 'P')?.body, '\nSELECT @a');
});

test('a multi-statement function with a table variable returns after the column list', () => {
  const def =
    'CREATE FUNCTION f() RETURNS @t TABLE (a int, b AS (a + 1)) WITH SCHEMABINDING AS BEGIN RETURN END';
  assert.equal(splitModuleDefinition(def, 'TF')?.body, ' BEGIN RETURN END');
});

test('a trigger', () => {
  const def = 'CREATE TRIGGER [dbo].[t] ON [dbo].[T] AFTER INSERT, UPDATE AS\nBEGIN SET NOCOUNT ON; END';
  assert.equal(splitModuleDefinition(def, 'TR')?.body, '\nBEGIN SET NOCOUNT ON; END');
});

test('no AS at all gives undefined', () => {
  assert.equal(splitModuleDefinition('CREATE VIEW v', 'V'), undefined);
});
