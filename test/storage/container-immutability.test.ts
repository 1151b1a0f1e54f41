import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BlockBlobClient } from '@azure/storage-blob';
import { containerOf, immutabilityOf } from '../../src/storage/container-immutability';
import { withTestContainer } from '../helpers/azurite';

test('a container whose blobs cannot be deleted at will is named with the reason', () => {
  assert.equal(immutabilityOf({}), undefined);
  assert.equal(
    immutabilityOf({
      hasLegalHold: false,
      hasImmutabilityPolicy: false,
      isImmutableStorageWithVersioningEnabled: false,
    }),
    undefined,
  );
  assert.equal(immutabilityOf({ hasLegalHold: true }), 'the container has a legal hold');
  assert.equal(immutabilityOf({ hasImmutabilityPolicy: true }), 'the container has an immutability policy');
  assert.equal(
    immutabilityOf({ isImmutableStorageWithVersioningEnabled: true }),
    'the container has version-level immutability',
  );
});

test('the container of a blob: account host names and IP-style endpoints, blob names with slashes', async (t) => {
  const hosted = new BlockBlobClient('https://acct.blob.core.windows.net/archives/2026/11/sales.bacpac');
  assert.equal(containerOf(hosted).url, 'https://acct.blob.core.windows.net/archives');

  // Azurite's endpoint puts the account name in the path; the container answers with its properties.
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient(`${container.containerName}/nested/x.bacpac`);
  const found = containerOf(blob);
  assert.equal(found.url, container.url);
  const properties = await found.getProperties();
  assert.equal(immutabilityOf(properties), undefined);
});
