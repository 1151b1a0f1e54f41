import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModelXml } from '../../../src/bacpac/model/canonical-compare';
import { readFixtureEntry } from '../../helpers/fixtures';

describe('compareModelXml', () => {
  test('LF against CRLF with a BOM and an explicit default value: equal', async () => {
    const crlf = await readFixtureEntry('Northwind.bacpac', 'model.xml');
    const text = crlf.toString('utf8');
    const lf = Buffer.from(text.replaceAll('\r\n', '\n'), 'utf8');
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        text.replace(
          '<Property Name="IsAnsiNullsOn" Value="True" />',
          '<Property Name="IsAnsiNullsOn" Value="True" />\r\n<Property Name="IsSchemaBound" Value="False" />',
        ),
        'utf8',
      ),
    ]);
    assert.notEqual(withBom.length, crlf.length);
    assert.deepEqual(await compareModelXml(lf, withBom), { equal: true });
  });

  test('a changed property value: not equal, with the first differing line', async () => {
    const a = await readFixtureEntry('devops-module12-database.bacpac', 'model.xml');
    const b = Buffer.from(a.toString('utf8').replace('Value="120"', 'Value="60"'), 'utf8');
    const result = await compareModelXml(a, b);
    assert.equal(result.equal, false);
    assert.equal(result.firstDifference?.line, 17);
    assert.equal(result.firstDifference?.a, '\t\t\t<Property Name="TargetRecoveryTimePeriod" Value="120" />');
    assert.equal(result.firstDifference?.b, '\t\t\t<Property Name="TargetRecoveryTimePeriod" Value="60" />');
  });
});
