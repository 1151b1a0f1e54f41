import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createSha256Tap, sha256Upper } from '../../../src/bacpac/package/model-checksum';
import { listFixtures, readFixtureEntries } from '../../helpers/fixtures';

function originChecksum(origin: Buffer): string {
  const match = /<Checksum Uri="\/model\.xml">([0-9A-F]{64})<\/Checksum>/.exec(origin.toString('utf8'));
  assert.ok(match?.[1]);
  return match[1];
}

describe('model checksum', () => {
  for (const name of listFixtures()) {
    test(`${name}: SHA-256 of model.xml equals Origin.xml's checksum, in one piece and streamed`, async () => {
      const entries = await readFixtureEntries(name);
      const model = entries.get('model.xml')!;
      const expected = originChecksum(entries.get('Origin.xml')!);
      assert.equal(sha256Upper(model), expected);

      const tap = createSha256Tap();
      const chunks: Buffer[] = [];
      const pieces = Array.from({ length: Math.ceil(model.length / 1000) }, (_, i) =>
        model.subarray(i * 1000, (i + 1) * 1000),
      );
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      });
      await pipeline(Readable.from(pieces), tap, sink);
      assert.equal(tap.digest, expected);
      assert.equal(tap.byteCount, model.length);
      assert.deepEqual(Buffer.concat(chunks), model);
    });
  }

  test('the digest is refused before the stream ends', () => {
    const tap = createSha256Tap();
    tap.write(Buffer.from('abc'));
    assert.throws(() => tap.digest, /\[CHECKSUM_NOT_READY\].*3 bytes/);
  });

  test('known vector', () => {
    assert.equal(
      sha256Upper(Buffer.from('abc')),
      'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD',
    );
  });
});
