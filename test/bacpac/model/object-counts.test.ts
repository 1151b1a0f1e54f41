import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countObjects } from '../../../src/bacpac/model/object-counts';
import { readModelXml } from '../../../src/bacpac/model/reader';
import { listFixtures, readFixtureEntry } from '../../helpers/fixtures';

/** The ObjectCounts children of Origin.xml, in document order, read with a regular expression. */
function originCounts(originXml: string): [string, number][] {
  const block = /<ObjectCounts>([\s\S]*?)<\/ObjectCounts>/.exec(originXml)?.[1];
  assert.ok(block !== undefined, 'Origin.xml has ObjectCounts');
  return [...block.matchAll(/<(\w+)>(\d+)<\/\1>/g)].map((m) => [m[1] as string, Number(m[2])]);
}

describe('countObjects equals the ObjectCounts DacFx wrote in Origin.xml', () => {
  for (const fixture of listFixtures()) {
    test(fixture, async () => {
      const model = await readModelXml(await readFixtureEntry(fixture, 'model.xml'));
      const origin = (await readFixtureEntry(fixture, 'Origin.xml')).toString('utf8');
      const expected = originCounts(origin);
      assert.ok(expected.length > 0);
      assert.deepEqual([...countObjects(model)], expected);
    });
  }
});
