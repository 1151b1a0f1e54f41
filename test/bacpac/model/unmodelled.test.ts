/**
 * What model.xml may hold beyond this library's model (element types it does not know, or
 * properties, relationships and annotations a known type is not known to have) is kept as read and
 * written back in place. The edits below are written the way DacFx lays model.xml out, at the place
 * the writer puts them, so reading and writing the edited Northwind model must give it back byte
 * for byte.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bcpColumnsOf } from '../../../src/bacpac/model/bcp-columns';
import { countObjects } from '../../../src/bacpac/model/object-counts';
import { readModelXml } from '../../../src/bacpac/model/reader';
import type { SqlTable } from '../../../src/bacpac/model/types';
import { modelXmlBytes } from '../../../src/bacpac/model/writer';
import { readFixtureEntry } from '../../helpers/fixtures';

const CRLF = '\r\n';

/** Lines joined with the fixture's CRLF, each indented by `depth` TABs plus its own leading TABs. */
function block(depth: number, lines: string[]): string {
  return lines.map((l) => '\t'.repeat(depth) + l + CRLF).join('');
}

/** A top-level element of a type the registry does not know, sorted between two Northwind objects. */
const POLICY = block(2, [
  '<Element Type="SqlSecurityPolicy" Name="[dbo].[Bz]">',
  '\t<Property Name="IsEnabled" Value="True" />',
  '\t<Property Name="Note" Value="a &lt; b &amp; &quot;c&quot; > d&#xD;&#xA;&#x9;e" />',
  '\t<Relationship Name="SecurityPredicates">',
  '\t\t<Entry>',
  '\t\t\t<Element Type="SqlSecurityPredicate">',
  '\t\t\t\t<Property Name="PredicateDefinition">',
  '\t\t\t\t\t<Value QuotedIdentifiers="True"><![CDATA[([dbo].[fn]([CategoryID])',
  '-- a second line ]]]]><![CDATA[> and more)]]></Value>',
  '\t\t\t\t</Property>',
  '\t\t\t\t<Relationship Name="TargetObject">',
  '\t\t\t\t\t<Entry>',
  '\t\t\t\t\t\t<References Name="[dbo].[Categories]" />',
  '\t\t\t\t\t</Entry>',
  '\t\t\t\t</Relationship>',
  '\t\t\t</Element>',
  '\t\t</Entry>',
  '\t</Relationship>',
  '\t<Relationship Name="Schema">',
  '\t\t<Entry>',
  '\t\t\t<References ExternalSource="BuiltIns" Name="[dbo]" />',
  '\t\t</Entry>',
  '\t</Relationship>',
  '</Element>',
]);

const CATEGORIES = '\t\t<Element Type="SqlTable" Name="[dbo].[Categories]">\r\n';
const ANSI_NULLS = '\t\t\t<Property Name="IsAnsiNullsOn" Value="True" />\r\n';
const LEDGER = block(3, ['<Property Name="IsLedgerOn" Value="True" />']);
const CATEGORIES_END =
  '\t\t\t<Relationship Name="Schema">\r\n\t\t\t\t<Entry>\r\n\t\t\t\t\t<References ExternalSource="BuiltIns" Name="[dbo]" />\r\n\t\t\t\t</Entry>\r\n\t\t\t</Relationship>\r\n\t\t</Element>\r\n\t\t<Element Type="SqlIndex" Name="[dbo].[Categories].[CategoryName]"';
const HISTORY = block(3, [
  '<Relationship Name="TemporalSystemVersioningHistoryTable">',
  '\t<Entry>',
  '\t\t<References Name="[dbo].[CategoriesHistory]" />',
  '\t</Entry>',
  '</Relationship>',
  '<Annotation Type="SqlFutureAnnotation" Name="[x]">',
  '\t<Property Name="Value" Value="1" />',
  '</Annotation>',
]);

async function editedNorthwind(): Promise<string> {
  let text = (await readFixtureEntry('Northwind.bacpac', 'model.xml')).toString('utf8');
  const insertBefore = (anchor: string, piece: string, after = false): void => {
    // Each anchor must occur exactly once.
    const at = text.indexOf(anchor);
    assert.ok(at >= 0 && text.indexOf(anchor, at + 1) < 0, `one ${anchor.slice(0, 60)}`);
    const cut = after ? at + anchor.length : at;
    text = text.slice(0, cut) + piece + text.slice(cut);
  };
  insertBefore(CATEGORIES, POLICY);
  insertBefore(CATEGORIES + ANSI_NULLS, LEDGER, true);
  // After the table's last relationship (Schema), before its closing tag.
  insertBefore(CATEGORIES_END, '');
  const at = text.indexOf(CATEGORIES_END) + CATEGORIES_END.indexOf('\t\t</Element>');
  return text.slice(0, at) + HISTORY + text.slice(at);
}

describe('model.xml parts this library does not model', () => {
  test('are kept as read and written back in place, byte for byte', async () => {
    const edited = await editedNorthwind();
    const model = await readModelXml(Buffer.from(edited, 'utf8'));

    assert.equal(model.unmodelledElements?.length, 1);
    const categories = model.elements.find(
      (e): e is SqlTable => e.type === 'SqlTable' && e.name === '[dbo].[Categories]',
    );
    assert.ok(categories !== undefined);
    assert.deepEqual(categories.unmodelled?.properties, [
      {
        tag: 'Property',
        attributes: [
          ['Name', 'IsLedgerOn'],
          ['Value', 'True'],
        ],
        children: [],
      },
    ]);
    assert.equal(
      categories.unmodelled?.relationships?.[0]?.attributes[0]?.[1],
      'TemporalSystemVersioningHistoryTable',
    );
    assert.equal(categories.unmodelled?.annotations?.[0]?.attributes[0]?.[1], 'SqlFutureAnnotation');
    assert.equal(
      categories.relationships.Columns?.[0]?.name,
      '[dbo].[Categories].[CategoryID]',
      'known parts stay typed',
    );

    const written = modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8');
    assert.equal(written, edited);
  });

  test('count in Origin.xml object counts like known types', async () => {
    const model = await readModelXml(Buffer.from(await editedNorthwind(), 'utf8'));
    const counts = countObjects(model);
    assert.equal(counts.get('SecurityPolicy'), 1);
    assert.equal(counts.get('SecurityPredicate'), 1);
  });

  test('an element of an unknown type inside a known relationship keeps the whole relationship as read', async () => {
    const text = (await readFixtureEntry('Northwind.bacpac', 'model.xml')).toString('utf8');
    // The second of Categories' columns becomes a kind this library does not know.
    const known = '<Element Type="SqlSimpleColumn" Name="[dbo].[Categories].[CategoryName]">';
    assert.equal(text.split(known).length, 2);
    const edited = text.replace(
      known,
      '<Element Type="SqlFancyColumn" Name="[dbo].[Categories].[CategoryName]">',
    );
    const model = await readModelXml(Buffer.from(edited, 'utf8'));

    const categories = model.elements.find(
      (e): e is SqlTable => e.type === 'SqlTable' && e.name === '[dbo].[Categories]',
    );
    assert.ok(categories !== undefined);
    assert.equal(categories.relationships.Columns, undefined, 'Columns is no longer typed');
    const kept = categories.unmodelled?.relationships?.[0];
    assert.deepEqual(kept?.attributes, [['Name', 'Columns']]);
    assert.equal(kept?.children.length, 4, 'every column entry, before and after the unknown one');
    assert.equal(categories.relationships.Schema?.name, '[dbo]', 'the other relationships stay typed');

    assert.equal(modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8'), edited);
    assert.throws(() => bcpColumnsOf(model, '[dbo].[Categories]'), {
      message:
        /^\[MODEL_UNSUPPORTED_COLUMN_TYPE\] \[dbo\]\.\[Categories\]: has columns of a kind this tool does not model \(SqlFancyColumn\)/,
    });
    assert.equal(bcpColumnsOf(model, '[dbo].[Region]').length, 2, 'other tables decode as before');
    assert.equal(countObjects(model).get('FancyColumn'), 1);
  });
  test('an annotation with a property it is not known to have is kept as read on its element', async () => {
    const text = (await readFixtureEntry('Northwind.bacpac', 'model.xml')).toString('utf8');
    const value =
      '\t\t\t\t\t\t<Annotation Type="OnlinePropertyAnnotation" Name="[LastValue]">\r\n\t\t\t\t\t\t\t<Property Name="Value" Value="8" />\r\n';
    assert.equal(text.split(value).length, 2);
    const edited = text.replace(value, `${value}\t\t\t\t\t\t\t<Property Name="Increment" Value="1" />\r\n`);
    const model = await readModelXml(Buffer.from(edited, 'utf8'));
    const categories = model.elements.find(
      (e): e is SqlTable => e.type === 'SqlTable' && e.name === '[dbo].[Categories]',
    );
    const id = categories?.relationships.Columns?.[0];
    assert.equal(id?.name, '[dbo].[Categories].[CategoryID]');
    assert.equal(id.annotations, undefined, 'no typed annotation left');
    assert.deepEqual(
      id.unmodelled?.annotations?.[0]?.children.map((c) => c.attributes),
      [
        [
          ['Name', 'Value'],
          ['Value', '8'],
        ],
        [
          ['Name', 'Increment'],
          ['Value', '1'],
        ],
      ],
    );
    assert.equal(modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8'), edited);
    assert.deepEqual(bcpColumnsOf(model, '[dbo].[Categories]')[0], {
      name: 'CategoryID',
      type: 'int',
      nullable: false,
    });
  });
  test('attributes a newer DacFx may add, on the root and on an element, are kept and written back', async () => {
    const text = (await readFixtureEntry('Northwind.bacpac', 'model.xml')).toString('utf8');
    const root = 'CollationCaseSensitive="False" xmlns=';
    const table = '<Element Type="SqlTable" Name="[dbo].[Categories]">';
    assert.equal(text.split(root).length, 2);
    const edited = text
      .replace(root, 'CollationCaseSensitive="False" ModelVersion="9 &amp; up" xmlns=')
      .replace(table, '<Element Type="SqlTable" Name="[dbo].[Categories]" Ledger="Append">');
    const model = await readModelXml(Buffer.from(edited, 'utf8'));
    assert.deepEqual(model.header.otherAttributes, [['ModelVersion', '9 & up']]);
    const categories = model.elements.find(
      (e): e is SqlTable => e.type === 'SqlTable' && e.name === '[dbo].[Categories]',
    );
    assert.deepEqual(categories?.unmodelled?.attributes, [['Ledger', 'Append']]);
    assert.equal(bcpColumnsOf(model, '[dbo].[Categories]').length, 4, 'the table still decodes');
    assert.equal(modelXmlBytes(model, { lineEnding: '\r\n' }).toString('utf8'), edited);
  });
});
