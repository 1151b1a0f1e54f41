import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readModelXml } from '../../../src/bacpac/model/reader';
import { readFixtureEntry } from '../../helpers/fixtures';

/** The minimal real model ([A]) with one edit; `find` must occur in it. */
async function edited(find: string, replace: string): Promise<Buffer> {
  const text = (await readFixtureEntry('devops-module12-database.bacpac', 'model.xml')).toString('utf8');
  assert.ok(text.includes(find), `fixture contains ${find}`);
  return Buffer.from(text.replace(find, replace), 'utf8');
}

const tableProperty = '<Property Name="IsAnsiNullsOn" Value="True" />';

describe('readModelXml rejects what it does not know, naming it', () => {
  test('unknown top-level element kind', async () => {
    const xml = await edited('Type="SqlTable"', 'Type="SqlFoo"');
    await assert.rejects(readModelXml(xml), (e: Error) => {
      assert.match(
        e.message,
        /^\[MODEL_UNKNOWN_ELEMENT\] SqlFoo \[dbo\]\.\[DemoTable\]: element type not known/,
      );
      return true;
    });
  });

  test('unknown nested element kind', async () => {
    const xml = await edited('Type="SqlSimpleColumn"', 'Type="SqlFancyColumn"');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_ELEMENT\] SqlFancyColumn \[dbo\]\.\[DemoTable\]\.\[data\]/,
    );
  });

  test('known kind nested where its relationship does not allow it', async () => {
    const xml = await edited('Type="SqlSimpleColumn"', 'Type="SqlView"');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNEXPECTED_ENTRY\] SqlTable \[dbo\]\.\[DemoTable\]: relationship Columns expected elements of type SqlSimpleColumn or SqlComputedColumn, found element SqlView/,
    );
  });

  test('unknown property of a known kind', async () => {
    const xml = await edited(tableProperty, `${tableProperty}<Property Name="IsBogus" Value="True" />`);
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_PROPERTY\] SqlTable \[dbo\]\.\[DemoTable\]: property IsBogus is not known for SqlTable/,
    );
  });

  test('unknown property of a nested unnamed element names its owner', async () => {
    const xml = await edited(
      '<Property Name="IsMax" Value="True" />',
      '<Property Name="Collation" Value="x" />',
    );
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_PROPERTY\] SqlTypeSpecifier in SqlSimpleColumn \[dbo\]\.\[DemoTable\]\.\[data\]: property Collation/,
    );
  });

  test('unknown relationship', async () => {
    const xml = await edited('<Relationship Name="Schema">', '<Relationship Name="Owner">');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_RELATIONSHIP\] SqlTable \[dbo\]\.\[DemoTable\]: relationship Owner/,
    );
  });

  test('unknown annotation', async () => {
    const xml = await edited(tableProperty, `${tableProperty}<Annotation Type="GloballyScoped" />`);
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_ANNOTATION\] SqlTable \[dbo\]\.\[DemoTable\]: annotation GloballyScoped/,
    );
  });

  test('a boolean that is not True/False', async () => {
    const xml = await edited(tableProperty, '<Property Name="IsAnsiNullsOn" Value="yes" />');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_BAD_VALUE\] SqlTable \[dbo\]\.\[DemoTable\]: property IsAnsiNullsOn expected True or False, found yes/,
    );
  });

  test('an unknown platform', async () => {
    const xml = await edited('SqlAzureV12DatabaseSchemaProvider', 'Sql90DatabaseSchemaProvider');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNKNOWN_PLATFORM\] DataSchemaModel: DspName/,
    );
  });

  test('a truncated document', async () => {
    const xml = await edited('</DataSchemaModel>', '');
    await assert.rejects(readModelXml(xml), /^BacpacError: \[MODEL_XML_INVALID\]/);
  });
});
