import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BcpSqlType } from '../../../src/bacpac/bcp';
import { bcpColumnsOf, modelXmlBytes, readModelXml, walkElements } from '../../../src/bacpac/model';
import type { ModelElement, Reference } from '../../../src/bacpac/model';
import { createSyntheticSource } from '../../../src/source/synthetic';
import { readFixtureEntry } from '../../helpers/fixtures';

/** The typed model of BacpacFlowDemo: it survives the writer and reader, and has every feature. */
async function demoModel() {
  return (await createSyntheticSource().readSchema()).model;
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && !('type' in value);
}

function referencesOf(el: ModelElement): Reference[] {
  const out: Reference[] = [];
  for (const value of Object.values(el.relationships as Record<string, unknown>)) {
    for (const entry of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (isReference(entry)) out.push(entry);
    }
  }
  return out;
}

describe('synthetic model', () => {
  test('writes, reads back to the same model, and writes again byte for byte', async () => {
    const model = await demoModel();
    for (const lineEnding of ['\r\n', '\n'] as const) {
      const bytes = modelXmlBytes(model, { lineEnding });
      const back = await readModelXml(bytes);
      assert.deepEqual(back, model);
      assert.ok(modelXmlBytes(back, { lineEnding }).equals(bytes));
    }
  });

  test('header and database options are those of the SQL Server 2022 AdventureWorksLT2022 export', async () => {
    const model = await demoModel();
    const fixture = await readModelXml(await readFixtureEntry('AdventureWorksLT2022.bacpac', 'model.xml'));
    assert.deepEqual(model.header, fixture.header);
    assert.equal(model.header.platform, 'Sql160');
    assert.deepEqual(model.databaseOptions, fixture.databaseOptions);
    assert.equal(model.databaseOptions.properties.Collation, 'SQL_Latin1_General_CP1_CI_AS');
    const text = modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8');
    assert.ok(text.includes('DspName="Microsoft.Data.Tools.Schema.Sql.Sql160DatabaseSchemaProvider"'));
    assert.ok(!text.endsWith('\n'));
  });

  test('tables cover every BCP column type, each both nullable and NOT NULL', async () => {
    const model = await demoModel();
    const every: BcpSqlType[] = [
      'tinyint',
      'smallint',
      'int',
      'bigint',
      'bit',
      'decimal',
      'numeric',
      'money',
      'smallmoney',
      'real',
      'float',
      'date',
      'time',
      'datetime',
      'smalldatetime',
      'datetime2',
      'datetimeoffset',
      'uniqueidentifier',
      'char',
      'varchar',
      'text',
      'nchar',
      'nvarchar',
      'ntext',
      'sysname',
      'binary',
      'varbinary',
      'image',
      'xml',
      'rowversion',
      'sql_variant',
      'geography',
      'geometry',
      'hierarchyid',
    ];
    const seen = new Map<string, Set<boolean>>();
    const facets = new Set<string>();
    for (const table of ['[dbo].[AllTypes]', '[dbo].[RequiredTypes]']) {
      for (const c of bcpColumnsOf(model, table)) {
        const nulls = seen.get(c.type) ?? new Set<boolean>();
        nulls.add(c.nullable);
        seen.set(c.type, nulls);
        facets.add(`${c.type}(${c.isMax ? 'max' : (c.length ?? '')}${c.precision ?? ''},${c.scale ?? ''})`);
      }
    }
    for (const type of every) {
      assert.ok(seen.has(type), `no ${type} column`);
      if (type !== 'rowversion') assert.deepEqual([...(seen.get(type) ?? [])].sort(), [false, true], type);
    }
    for (const wanted of [
      'decimal(38,0)',
      'decimal(18,4)',
      'decimal(38,38)',
      'time(,7)',
      'time(,0)',
      'datetime2(,7)',
      'datetime2(,0)',
      'datetimeoffset(,7)',
      'char(10,)',
      'varchar(50,)',
      'varchar(max,)',
      'nchar(10,)',
      'nvarchar(100,)',
      'nvarchar(max,)',
      'binary(16,)',
      'varbinary(64,)',
      'varbinary(max,)',
      'varchar(20,)',
    ]) {
      assert.ok(facets.has(wanted), `no ${wanted} column (have ${[...facets].join(' ')})`);
    }
  });

  test('has identity keys, a computed column left out of the data, an alias type, and every constraint kind', async () => {
    const model = await demoModel();
    const all = [...walkElements(model.elements)];
    const customer = all.find((e) => e.type === 'SqlTable' && e.name === '[sales].[Customer]');
    assert.ok(customer?.type === 'SqlTable');
    const columns = customer.relationships.Columns ?? [];
    const computed = columns.filter((c) => c.type === 'SqlComputedColumn');
    assert.deepEqual(
      computed.map((c) => c.name),
      ['[sales].[Customer].[DisplayName]'],
    );
    assert.equal(bcpColumnsOf(model, '[sales].[Customer]').length, columns.length - 1);
    assert.ok(!bcpColumnsOf(model, '[sales].[Customer]').some((c) => c.name === 'DisplayName'));
    const identity = columns.find((c) => c.type === 'SqlSimpleColumn' && c.properties.IsIdentity === true);
    assert.equal(identity?.name, '[sales].[Customer].[CustomerID]');
    assert.ok(all.some((e) => e.type === 'SqlUserDefinedDataType' && e.name === '[dbo].[AccountCode]'));
    const account = bcpColumnsOf(model, '[sales].[Customer]').find((c) => c.name === 'AccountNumber');
    assert.deepEqual(account, { name: 'AccountNumber', type: 'varchar', nullable: false, length: 20 });

    const types = new Set(model.elements.map((e) => e.type));
    for (const kind of [
      'SqlPrimaryKeyConstraint',
      'SqlUniqueConstraint',
      'SqlForeignKeyConstraint',
      'SqlCheckConstraint',
      'SqlDefaultConstraint',
      'SqlIndex',
      'SqlView',
      'SqlSchema',
    ] as const) {
      assert.ok(types.has(kind), kind);
    }
    const defaults = model.elements.filter((e) => e.type === 'SqlDefaultConstraint');
    assert.ok(defaults.some((d) => d.name === '[sales].[DF_Customer_Created]'));
    const unnamed = defaults.find((d) => d.name === undefined);
    const inline = unnamed?.annotations?.find((a) => a.type === 'SqlInlineConstraintAnnotation');
    assert.ok(inline?.disambiguator !== undefined);
    const isActive = columns.find((c) => c.name === '[sales].[Customer].[IsActive]');
    assert.deepEqual(isActive?.annotations, [
      { type: 'AttachedAnnotation', disambiguator: inline.disambiguator },
    ]);
  });

  test('the view depends on the table it selects from, and every reference resolves', async () => {
    const model = await demoModel();
    const all = [...walkElements([model.databaseOptions, ...model.elements])];
    const names = new Set(all.map((e) => e.name).filter((n) => n !== undefined));
    const view = model.elements.find((e) => e.type === 'SqlView');
    assert.ok(view?.type === 'SqlView');
    const query = view.properties.QueryScript;
    assert.ok(typeof query === 'object' && /FROM \[sales\]\.\[Customer\]/.test(query.text));
    const dependencies = (view.relationships.QueryDependencies ?? []).map((r) => r.name);
    assert.ok(dependencies.includes('[sales].[Customer]'));
    for (const el of all) {
      for (const reference of referencesOf(el)) {
        if (reference.externalSource === 'BuiltIns') continue;
        if (reference.name === undefined) {
          assert.equal(reference.disambiguator, model.databaseOptions.disambiguator);
          continue;
        }
        assert.ok(names.has(reference.name), `${el.name ?? el.type} refers to missing ${reference.name}`);
      }
    }
  });
});
