import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { createEntryCompressor } from '../../../src/bacpac/zip/entry-compressor';
import { CollectingSink, fixturePath } from './zip-test-helpers';

/** 3 MiB of text-like, compressible bytes followed by 1 MiB of random ones, in 64 KiB chunks. */
function sampleInput(): Buffer {
  const text = Buffer.from("INSERT INTO dbo.Orders VALUES (1834, N'caf\u00e9', 12.50);\r\n".repeat(56000));
  return Buffer.concat([text.subarray(0, 3 << 20), randomBytes(1 << 20)]);
}

function chunks(bytes: Buffer, size = 64 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts, { objectMode: false });
}

describe('createEntryCompressor', () => {
  test('deflate: raw deflate output that inflateRawSync restores, with zlib.crc32 and both sizes', async () => {
    const input = sampleInput();
    const compressor = createEntryCompressor({ method: 'deflate', level: 6 });
    const sink = new CollectingSink(16 * 1024);
    await pipeline(chunks(input), compressor, sink);
    const stored = sink.bytes();
    assert.deepEqual(zlib.inflateRawSync(stored), input);
    assert.deepEqual(compressor.result(), {
      method: 'deflate',
      crc32: zlib.crc32(input),
      compressedSize: stored.length,
      uncompressedSize: input.length,
    });
    assert.ok(stored.length < input.length);
  });

  test('deflate of a real part: the [T] model.xml bytes round-trip and match its recorded CRC-32', async () => {
    // Inflate the stored model.xml out of the fixture with zlib alone, using the local header fields.
    const bytes = await readFile(fixturePath('bacpactod-Test.bacpac'));
    const modelXml = zlib.inflateRawSync(bytes.subarray(30 + 9 + 28, 30 + 9 + 28 + 0x11a0));
    const compressor = createEntryCompressor({ method: 'deflate' });
    const sink = new CollectingSink();
    await pipeline(chunks(modelXml, 4096), compressor, sink);
    const result = compressor.result();
    assert.equal(result.crc32, 0x61397d5b); // from the fixture's local header
    assert.equal(result.uncompressedSize, 0x3946a);
    assert.deepEqual(zlib.inflateRawSync(sink.bytes()), modelXml);
  });

  test('store: passes the bytes through unchanged and counts them', async () => {
    const input = randomBytes(300_000);
    const compressor = createEntryCompressor({ method: 'store', level: 9 });
    const sink = new CollectingSink();
    await pipeline(chunks(input, 7000), compressor, sink);
    assert.deepEqual(sink.bytes(), input);
    assert.deepEqual(compressor.result(), {
      method: 'store',
      crc32: zlib.crc32(input),
      compressedSize: input.length,
      uncompressedSize: input.length,
    });
  });

  test('an empty input gives an empty stored entry and a valid empty deflate stream', async () => {
    for (const method of ['store', 'deflate'] as const) {
      const compressor = createEntryCompressor({ method });
      const sink = new CollectingSink();
      await pipeline(Readable.from([], { objectMode: false }), compressor, sink);
      assert.equal(zlib.inflateRawSync(method === 'deflate' ? sink.bytes() : Buffer.from([3, 0])).length, 0);
      assert.equal(compressor.result().uncompressedSize, 0);
      assert.equal(compressor.result().crc32, 0);
    }
  });

  test('result() before the stream finished is a coded error', () => {
    const compressor = createEntryCompressor({ method: 'deflate' });
    assert.throws(() => compressor.result(), /^BacpacError: \[ZIP_NOT_FINISHED\]/);
    compressor.destroy();
  });

  test('a slow reader holds the source back: bytes in flight through the compressor stay bounded', async () => {
    const input = randomBytes(8 << 20); // incompressible: output as large as the input
    const compressor = createEntryCompressor({ method: 'deflate', level: 1 });
    const source = chunks(input);
    const sink = new CollectingSink(16 * 1024);
    let pulled = 0;
    let maxInFlight = 0;
    source.on('data', (chunk: Buffer) => {
      pulled += chunk.length;
      const delivered = sink.chunks.reduce((sum, c) => sum + c.length, 0);
      maxInFlight = Math.max(maxInFlight, pulled - delivered);
    });
    await pipeline(source, compressor, sink);
    assert.equal(compressor.result().compressedSize, sink.bytes().length);
    assert.ok(
      maxInFlight < 1 << 20,
      `${maxInFlight} bytes were pulled from the source but not yet delivered`,
    );
  });
});
