import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readModelXml } from '../../../src/bacpac/model/reader';
import { modelXmlBytes, writeModelXml } from '../../../src/bacpac/model/writer';
import type { DatabaseModel } from '../../../src/bacpac/model/types';
import { listFixtures, readFixtureEntry } from '../../helpers/fixtures';

/** model.xml as stored, and the line ending it uses (CRLF unless it has no CR at all). */
async function original(
  fixture: string,
): Promise<{ bytes: Buffer; lineEnding: '\r\n' | '\n'; hadBom: boolean }> {
  const stored = await readFixtureEntry(fixture, 'model.xml');
  const hadBom = stored[0] === 0xef && stored[1] === 0xbb && stored[2] === 0xbf;
  // The writer never emits a BOM; a stored BOM is stripped before comparing (no fixture has one).
  const bytes = hadBom ? stored.subarray(3) : stored;
  return { bytes, lineEnding: bytes.includes('\r') ? '\r\n' : '\n', hadBom };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('model.xml round trip on every fixture', () => {
  const fixtures = listFixtures();
  test('all six fixtures are present', () => assert.equal(fixtures.length, 6));

  for (const fixture of fixtures) {
    test(`${fixture}: read then write is byte-identical`, async () => {
      const { bytes, lineEnding, hadBom } = await original(fixture);
      assert.equal(hadBom, false);
      const model = await readModelXml(bytes);
      const written = modelXmlBytes(model, { lineEnding });
      assert.equal(written.length, bytes.length);
      assert.ok(written.equals(bytes), 'written model.xml differs from the stored one');
    });

    test(`${fixture}: writer sorts shuffled top-level elements back into DacFx's order`, async () => {
      const { bytes, lineEnding } = await original(fixture);
      const model = await readModelXml(bytes);
      const shuffledModel: DatabaseModel = { ...model, elements: shuffled(model.elements, 7).reverse() };
      assert.ok(modelXmlBytes(shuffledModel, { lineEnding }).equals(bytes));
    });
  }

  test('streamed input in 1-byte chunks (multi-byte UTF-8 cut apart) reads and writes back exactly', async () => {
    const { bytes } = await original('devops-module12-database.bacpac');
    const renamed = Buffer.from(bytes.toString('utf8').replaceAll('DemoTable', 'Démo表😀'), 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < renamed.length; i++) chunks.push(renamed.subarray(i, i + 1));
    const streamed = await readModelXml(Readable.from(chunks));
    assert.equal(streamed.elements[0]?.name, '[dbo].[Démo表😀]');
    assert.ok(modelXmlBytes(streamed, { lineEnding: '\r\n' }).equals(renamed));
  });

  test('a leading BOM is accepted and LF input can be written with CRLF', async () => {
    const { bytes } = await original('imdb1000.bacpac');
    const model = await readModelXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const crlf = [...writeModelXml(model, { lineEnding: '\r\n' })].join('');
    assert.equal(crlf.replaceAll('\r\n', '\n'), bytes.toString('utf8'));
    assert.ok(!/[^\r]\n/.test(crlf));
  });
});
