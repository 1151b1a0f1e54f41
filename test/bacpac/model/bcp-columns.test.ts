import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bcpColumnsOf, tablesOf } from '../../../src/bacpac/model/bcp-columns';
import { readModelXml } from '../../../src/bacpac/model/reader';
import type { DatabaseModel } from '../../../src/bacpac/model/types';
import { readFixtureEntry } from '../../helpers/fixtures';

async function model(fixture: string): Promise<DatabaseModel> {
  return readModelXml(await readFixtureEntry(fixture, 'model.xml'));
}

describe('bcpColumnsOf on AdventureWorksLT2022', () => {
  test('SalesOrderHeader: computed columns left out, alias types resolved with their facets and NOT NULL', async () => {
    const m = await model('AdventureWorksLT2022.bacpac');
    // Expected values written by hand from the model.xml (SalesOrderNumber and TotalDue are computed;
    // [dbo].[Flag] is bit NOT NULL, [dbo].[OrderNumber] nvarchar(25), [dbo].[AccountNumber] nvarchar(15)).
    assert.deepEqual(bcpColumnsOf(m, '[SalesLT].[SalesOrderHeader]'), [
      { name: 'SalesOrderID', type: 'int', nullable: false },
      { name: 'RevisionNumber', type: 'tinyint', nullable: false },
      { name: 'OrderDate', type: 'datetime', nullable: false },
      { name: 'DueDate', type: 'datetime', nullable: false },
      { name: 'ShipDate', type: 'datetime', nullable: true },
      { name: 'Status', type: 'tinyint', nullable: false },
      { name: 'OnlineOrderFlag', type: 'bit', nullable: false },
      { name: 'PurchaseOrderNumber', type: 'nvarchar', nullable: true, length: 25 },
      { name: 'AccountNumber', type: 'nvarchar', nullable: true, length: 15 },
      { name: 'CustomerID', type: 'int', nullable: false },
      { name: 'ShipToAddressID', type: 'int', nullable: true },
      { name: 'BillToAddressID', type: 'int', nullable: true },
      { name: 'ShipMethod', type: 'nvarchar', nullable: false, length: 50 },
      { name: 'CreditCardApprovalCode', type: 'varchar', nullable: true, length: 15 },
      { name: 'SubTotal', type: 'money', nullable: false },
      { name: 'TaxAmt', type: 'money', nullable: false },
      { name: 'Freight', type: 'money', nullable: false },
      { name: 'Comment', type: 'nvarchar', nullable: true, isMax: true },
      { name: 'rowguid', type: 'uniqueidentifier', nullable: false },
      { name: 'ModifiedDate', type: 'datetime', nullable: false },
    ]);
  });

  test('ErrorLog: sysname', async () => {
    const m = await model('AdventureWorksLT2022.bacpac');
    const cols = bcpColumnsOf(m, { schema: 'dbo', name: 'ErrorLog' });
    assert.deepEqual(cols[2], { name: 'UserName', type: 'sysname', nullable: false });
    assert.deepEqual(cols[6], { name: 'ErrorProcedure', type: 'nvarchar', nullable: true, length: 126 });
    assert.equal(cols.length, 9);
  });

  test('tablesOf lists the 12 tables', async () => {
    const tables = tablesOf(await model('AdventureWorksLT2022.bacpac'));
    assert.equal(tables.length, 12);
    assert.deepEqual(tables[0], {
      schema: 'dbo',
      name: 'BuildVersion',
      qualifiedName: '[dbo].[BuildVersion]',
    });
    assert.ok(tables.some((t) => t.schema === 'SalesLT' && t.name === 'SalesOrderDetail'));
  });

  test('an unknown table is a coded error', async () => {
    const m = await model('AdventureWorksLT2022.bacpac');
    assert.throws(
      () => bcpColumnsOf(m, '[dbo].[Nope]'),
      /^BacpacError: \[MODEL_TABLE_NOT_FOUND\] \[dbo\]\.\[Nope\]/,
    );
  });
});

describe('bcpColumnsOf on bacpactod-Test', () => {
  test('float(1..24) is real, float(25..53) is float; decimal precision and scale', async () => {
    const m = await model('bacpactod-Test.bacpac');
    assert.deepEqual(bcpColumnsOf(m, '[dbo].[FloatFields1]'), [
      { name: 'ID', type: 'int', nullable: false },
      { name: 'Field_float_1', type: 'real', nullable: true },
      { name: 'Field_float_24', type: 'real', nullable: true },
      { name: 'Field_float_25', type: 'float', nullable: true },
      { name: 'Field_float_53', type: 'float', nullable: true },
    ]);
    assert.deepEqual(bcpColumnsOf(m, '[dbo].[DecimalFields2]'), [
      { name: 'ID', type: 'int', nullable: false },
      { name: 'Field_decimal_18_0', type: 'decimal', nullable: false, precision: 18, scale: 0 },
      { name: 'Field_decimal_18_18', type: 'decimal', nullable: false, precision: 18, scale: 18 },
      { name: 'Field_decimal_38_0', type: 'decimal', nullable: false, precision: 38, scale: 0 },
      { name: 'Field_decimal_38_38', type: 'decimal', nullable: false, precision: 38, scale: 38 },
    ]);
  });

  test('time scales, CLR system types and fixed-length strings', async () => {
    const m = await model('bacpactod-Test.bacpac');
    const times = bcpColumnsOf(m, '[dbo].[DateTimeFields3]');
    assert.deepEqual(times[1], { name: 'Field_time_0', type: 'time', nullable: true, scale: 0 });
    assert.deepEqual(times[8], { name: 'Field_time_7', type: 'time', nullable: true, scale: 7 });
    assert.deepEqual(
      bcpColumnsOf(m, '[dbo].[StrangeFields2]').map((c) => c.type),
      ['int', 'geography', 'geometry', 'hierarchyid', 'sql_variant'],
    );
    assert.deepEqual(bcpColumnsOf(m, '[dbo].[TextFields2]')[3], {
      name: 'Field_char_4',
      type: 'char',
      nullable: false,
      length: 4,
    });
    assert.equal(tablesOf(m).length, 25);
  });
});
