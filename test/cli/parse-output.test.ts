import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { UsageError } from '../../src/cli/command';
import { parseOutput } from '../../src/cli/local-export';

describe('export --out', () => {
  test('a path is a local file, resolved', () => {
    assert.deepEqual(parseOutput('out/sales.bacpac'), {
      kind: 'file',
      path: path.resolve('out/sales.bacpac'),
    });
  });

  test('an Azure blob URL names account, container and blob', () => {
    assert.deepEqual(parseOutput('https://acct.blob.core.windows.net/archives/Sales-2026.bacpac'), {
      kind: 'blob',
      accountUrl: 'https://acct.blob.core.windows.net',
      container: 'archives',
      blobName: 'Sales-2026.bacpac',
    });
  });

  test('an Azurite URL keeps the account in the path', () => {
    assert.deepEqual(parseOutput('http://127.0.0.1:10000/devstoreaccount1/bacpacs/db.bacpac'), {
      kind: 'blob',
      accountUrl: 'http://127.0.0.1:10000/devstoreaccount1',
      container: 'bacpacs',
      blobName: 'db.bacpac',
    });
  });

  test('refuses a SAS, a missing container, and names that break the blob rules', () => {
    assert.throws(() => parseOutput('https://a.blob.core.windows.net/ccc/x.bacpac?sv=1&sig=s'), UsageError);
    assert.throws(() => parseOutput('https://a.blob.core.windows.net/x.bacpac'), /expected a blob URL/);
    assert.throws(() => parseOutput('https://a.blob.core.windows.net/ccc/x.zip'), /\.bacpac/);
    assert.throws(() => parseOutput('https://a.blob.core.windows.net/Bad_Container/x.bacpac'), /container/);
  });
});
