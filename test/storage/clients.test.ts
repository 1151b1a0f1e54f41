import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import { StorageSharedKeyCredential } from '@azure/storage-blob';
import {
  blobServiceFromConnectionString,
  blobServiceFromUrl,
  createBlobServiceClient,
  describeBlobService,
} from '../../src/storage/clients';
import { AZURITE_ACCOUNT_KEY, testBlobService } from '../helpers/azurite';

const unusedCredential: TokenCredential = { getToken: () => Promise.reject(new Error('not used')) };

test('a connection string reaches the account it names', async () => {
  const shared = await testBlobService();
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${shared.url};`;
  const client = createBlobServiceClient({ connectionString, blobServiceUrl: 'https://ignored.example' });
  const name = `t-clients-${Date.now()}`;
  await client.getContainerClient(name).create();
  try {
    assert.equal(await shared.getContainerClient(name).exists(), true);
  } finally {
    await client.getContainerClient(name).delete();
  }
});

test('UseDevelopmentStorage=true means the emulator default endpoint with the development key', () => {
  const client = blobServiceFromConnectionString('UseDevelopmentStorage=true');
  assert.equal(client.url, 'http://127.0.0.1:10000/devstoreaccount1');
  assert.ok(client.credential instanceof StorageSharedKeyCredential);
  assert.equal(client.credential.accountName, 'devstoreaccount1');
});

test('a malformed connection string is refused without repeating it', () => {
  const secret = Buffer.from('do not print this key').toString('base64');
  assert.throws(
    () =>
      blobServiceFromConnectionString(`DefaultEndpointsProtocol=ftp;AccountName=acct;AccountKey=${secret}`),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'STORAGE_INVALID_SETTING');
      assert.match(
        error.message,
        /^\[STORAGE_INVALID_SETTING\] AzureWebJobsStorage: not a usable storage connection string/,
      );
      assert.doesNotMatch(error.message, new RegExp(secret.slice(0, 12)));
      return true;
    },
  );
});

test('a blob service URL uses the managed identity named by clientId, or DefaultAzureCredential', () => {
  const url = 'https://acct.blob.core.windows.net';
  const user = createBlobServiceClient({
    blobServiceUrl: url,
    clientId: '33333333-3333-3333-3333-333333333333',
  });
  assert.ok(user.credential instanceof ManagedIdentityCredential);
  assert.match(user.url, /^https:\/\/acct\.blob\.core\.windows\.net\/?$/);
  assert.equal(user.accountName, 'acct');
  const system = createBlobServiceClient({ blobServiceUrl: `${url}/` });
  assert.ok(system.credential instanceof DefaultAzureCredential);
  assert.match(system.url, /^https:\/\/acct\.blob\.core\.windows\.net\/?$/);
  assert.equal(
    createBlobServiceClient({ blobServiceUrl: url }, unusedCredential).credential,
    unusedCredential,
  );
});

test('a blob service URL with a SAS, user information or plain http is refused without the secret', () => {
  assert.throws(
    () => blobServiceFromUrl('https://acct.blob.core.windows.net/?sv=2022&sig=SECRETSIG', unusedCredential),
    {
      message:
        '[STORAGE_INVALID_SETTING] AzureWebJobsStorage__blobServiceUri https://acct.blob.core.windows.net/?<redacted>: it must not carry a query string (a SAS belongs in no setting)',
    },
  );
  assert.throws(() => blobServiceFromUrl('http://user:pw@acct.blob.core.windows.net', unusedCredential), {
    message:
      '[STORAGE_INVALID_SETTING] AzureWebJobsStorage__blobServiceUri http://acct.blob.core.windows.net/: the scheme must be https, found http; it must not carry user information',
  });
  assert.throws(() => blobServiceFromUrl('acct', unusedCredential), {
    message:
      '[STORAGE_INVALID_SETTING] AzureWebJobsStorage__blobServiceUri: expected an https URL of a blob service, found an unparseable value',
  });
  assert.throws(() => createBlobServiceClient({}), { code: 'STORAGE_INVALID_SETTING' });
});

test('describeBlobService shows the endpoint without a query string', () => {
  const client = blobServiceFromConnectionString(
    'BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=SECRETSIG',
  );
  assert.match(client.url, /SECRETSIG/);
  assert.equal(describeBlobService(client), 'https://acct.blob.core.windows.net/?<redacted>');
});
