import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readModelXml } from '../../../src/bacpac/model/reader';
import { modelXmlBytes } from '../../../src/bacpac/model/writer';
import { readFixtureEntry } from '../../helpers/fixtures';

/** The minimal real model ([A]) with one edit; `find` must occur in it. */
async function edited(find: string, replace: string): Promise<Buffer> {
  const text = (await readFixtureEntry('devops-module12-database.bacpac', 'model.xml')).toString('utf8');
  assert.ok(text.includes(find), `fixture contains ${find}`);
  return Buffer.from(text.replace(find, replace), 'utf8');
}

const tableProperty = '<Property Name="IsAnsiNullsOn" Value="True" />';

// Unknown element kinds (top level or nested) and unknown properties, relationships and annotations
// of known kinds are kept as read (unmodelled.test.ts); what contradicts the model is refused.
describe('readModelXml rejects what it cannot place, naming it', () => {
  test('known kind nested where its relationship does not allow it', async () => {
    const xml = await edited('Type="SqlSimpleColumn"', 'Type="SqlView"');
    await assert.rejects(
      readModelXml(xml),
      /^BacpacError: \[MODEL_UNEXPECTED_ENTRY\] SqlTable \[dbo\]\.\[DemoTable\]: relationship Columns expected elements of type SqlSimpleColumn or SqlComputedColumn, found element SqlView/,
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
    const xml = await edited('SqlAzureV12DatabaseSchemaProvider', 'Sql80DatabaseSchemaProvider');
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

describe('platforms of older SQL Server versions, Azure Synapse and Fabric', () => {
  for (const platform of ['Sql100', 'Sql110', 'Sql120', 'SqlDw', 'SqlDbFabric']) {
    test(`${platform} is read and written back`, async () => {
      const xml = await edited('SqlAzureV12DatabaseSchemaProvider', `${platform}DatabaseSchemaProvider`);
      const model = await readModelXml(xml);
      assert.equal(model.header.platform, platform);
      const text = modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8');
      assert.match(
        text,
        new RegExp(`DspName="Microsoft\\.Data\\.Tools\\.Schema\\.Sql\\.${platform}DatabaseSchemaProvider"`),
      );
    });
  }
});
