import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createDirectoryStagingStore } from '../../src/storage/directory-staging-store';

function tempRoot(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bacpac-flow-staging-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

describe('directory staging store', () => {
  test('bytes written right after createWriter, in one go, all reach the file', async (t) => {
    const root = tempRoot(t);
    const store = createDirectoryStagingStore(root);
    const writer = store.createWriter('run-1/model.xml.stored');
    writer.stream.end(Buffer.from('<DataSchemaModel />'));
    assert.equal(await writer.committed, 19);
    assert.equal(readFileSync(path.join(root, 'run-1/model.xml.stored'), 'utf8'), '<DataSchemaModel />');
  });

  test('a file appears only once complete; a destroyed writer leaves nothing', async (t) => {
    const root = tempRoot(t);
    const store = createDirectoryStagingStore(root);
    const writer = store.createWriter('run-1/parts/00000.bcp');
    writer.stream.write(Buffer.alloc(1000, 1));
    assert.equal(existsSync(path.join(root, 'run-1/parts/00000.bcp')), false);
    writer.stream.destroy(new Error('source failed'));
    await assert.rejects(writer.committed);
    assert.equal(await store.exists('run-1/parts/00000.bcp'), false);
    assert.equal(existsSync(path.join(root, 'run-1/parts/00000.bcp.tmp')), false);
  });

  test('JSON round trip, ranged reads, prefix deletion leaves other runs alone', async (t) => {
    const root = tempRoot(t);
    const store = createDirectoryStagingStore(root);
    await store.writeJson('run-1/plan.json', { parts: 3 });
    await store.writeJson('run-10/plan.json', { parts: 1 });
    assert.deepEqual(await store.readJson('run-1/plan.json'), { parts: 3 });
    const writer = store.createWriter('run-1/data');
    writer.stream.end(Buffer.from('0123456789'));
    await writer.committed;
    const chunks: Buffer[] = [];
    for await (const chunk of store.openReader('run-1/data', { offset: 2, count: 5 }))
      chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).toString(), '23456');
    assert.equal(await store.deletePrefix('run-1/'), 2);
    assert.equal(await store.exists('run-1/plan.json'), false);
    assert.deepEqual(await store.readJson('run-10/plan.json'), { parts: 1 });
    await assert.rejects(store.deletePrefix(''), /STORAGE_INVALID_NAME/);
    assert.throws(() => store.createWriter('../escape'), /STORAGE_INVALID_NAME/);
  });
});
