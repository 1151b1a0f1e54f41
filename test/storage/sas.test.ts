import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnonymousCredential, BlobClient } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import type { UserDelegationKey } from '@azure/storage-blob';
import { createReadSasUrl } from '../../src/storage/sas';
import type { DelegationKeySource } from '../../src/storage/sas';
import { testBlobService, withTestContainer } from '../helpers/azurite';

const noDelegation: DelegationKeySource = {
  getUserDelegationKey: () => Promise.reject(new Error('a shared-key SAS must not ask for a delegation key')),
};

test('a shared-key client gets a read-only service SAS that Azurite honours', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('parts/00001.bcp');
  await blob.uploadData(Buffer.from('staged bytes'));
  const now = new Date();

  const url = await createReadSasUrl(blob, noDelegation, { expiresInMinutes: 15, now });

  const query = new URL(url).searchParams;
  assert.equal(query.get('sp'), 'r');
  assert.equal(query.get('sr'), 'b');
  assert.equal(Date.parse(query.get('se') ?? ''), Math.floor((now.getTime() + 15 * 60_000) / 1000) * 1000);
  assert.equal(Date.parse(query.get('st') ?? ''), Math.floor((now.getTime() - 5 * 60_000) / 1000) * 1000);
  const reader = new BlobClient(url);
  assert.equal((await reader.downloadToBuffer()).toString(), 'staged bytes');
  await assert.rejects(reader.getBlockBlobClient().upload('x', 1), { statusCode: 403 });
});

test('an expired SAS is refused by the service', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('old.bin');
  await blob.uploadData(Buffer.from('x'));
  const url = await createReadSasUrl(blob, noDelegation, {
    expiresInMinutes: 1,
    now: new Date(Date.now() - 60 * 60_000),
  });
  await assert.rejects(new BlobClient(url).downloadToBuffer(), { statusCode: 403 });
});

test('a token-credential client gets a user delegation SAS signed with the service key', async () => {
  const service = await testBlobService();
  const tokenCredential: TokenCredential = {
    getToken: () => Promise.reject(new Error('no token is needed to sign locally')),
  };
  const blob = new BlobClient(`${service.url}/staging/run-1/model.xml`, tokenCredential);
  const key: UserDelegationKey = {
    signedObjectId: '11111111-1111-1111-1111-111111111111',
    signedTenantId: '22222222-2222-2222-2222-222222222222',
    signedStartsOn: new Date('2030-01-01T00:00:00Z'),
    signedExpiresOn: new Date('2030-01-01T02:00:00Z'),
    signedService: 'b',
    signedVersion: '2021-08-06',
    value: Buffer.from('a delegation key of thirty-two b').toString('base64'),
  };
  const asked: [Date, Date][] = [];
  // Cast: the SDK method has two overloads, which a single function literal cannot satisfy.
  const source: DelegationKeySource = {
    getUserDelegationKey: ((startsOn: Date, expiresOn: Date) => {
      asked.push([startsOn, expiresOn]);
      return Promise.resolve({ ...key, _response: undefined });
    }) as unknown as DelegationKeySource['getUserDelegationKey'],
  };
  const now = new Date('2030-01-01T00:30:00Z');

  const url = await createReadSasUrl(blob, source, { now });

  assert.deepEqual(asked, [[new Date('2030-01-01T00:25:00Z'), new Date('2030-01-01T01:30:00Z')]]);
  const query = new URL(url).searchParams;
  assert.equal(query.get('skoid'), key.signedObjectId);
  assert.equal(query.get('sktid'), key.signedTenantId);
  assert.equal(query.get('sp'), 'r');
  assert.equal(query.get('se'), '2030-01-01T01:30:00Z');
  assert.match(query.get('sig') ?? '', /^[A-Za-z0-9+/]{43}=$/);
});

test('an anonymous client cannot sign, and the lifetime is bounded', async (t) => {
  const container = await withTestContainer(t);
  const anonymous = new BlobClient(`${container.url}/x.bin`, new AnonymousCredential());
  await assert.rejects(createReadSasUrl(anonymous, noDelegation), {
    code: 'STORAGE_NO_SAS_CREDENTIAL',
    message: `[STORAGE_NO_SAS_CREDENTIAL] ${container.containerName}/x.bin: cannot sign a SAS without an account key or a token credential`,
  });
  const blob = container.getBlobClient('x.bin');
  await assert.rejects(createReadSasUrl(blob, noDelegation, { expiresInMinutes: 0 }), {
    code: 'STORAGE_INVALID_SETTING',
  });
  await assert.rejects(createReadSasUrl(blob, noDelegation, { expiresInMinutes: 7 * 24 * 60 + 1 }), {
    message: '[STORAGE_INVALID_SETTING] SAS lifetime must be above 0 and at most 10080 minutes, found 10081',
  });
});
