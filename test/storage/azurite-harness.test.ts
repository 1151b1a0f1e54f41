import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BlobSASPermissions, generateBlobSASQueryParameters } from '@azure/storage-blob';
import {
  AZURITE_ACCOUNT_NAME,
  azuriteSharedKeyCredential,
  startAzurite,
  testBlobService,
  withTestContainer,
} from '../helpers/azurite';

test('the harness serves real Blob Storage: staged blocks, a committed block list, bytes read back', async (t) => {
  const container = await withTestContainer(t);
  const blob = container.getBlockBlobClient('harness/staged.bin');
  const first = randomBytes(1000);
  const second = randomBytes(777);
  const ids = ['YmxvY2stMDA=', 'YmxvY2stMDE=']; // base64 of "block-00", "block-01"
  await blob.stageBlock(ids[0]!, first, first.length);
  await blob.stageBlock(ids[1]!, second, second.length);

  const staged = await blob.getBlockList('uncommitted');
  assert.deepEqual(
    staged.uncommittedBlocks?.map((b) => [b.name, b.size]),
    [
      [ids[0], 1000],
      [ids[1], 777],
    ],
  );
  assert.equal(await blob.exists(), false, 'staged blocks alone do not create a blob');

  await blob.commitBlockList(ids);
  assert.deepEqual(await blob.downloadToBuffer(), Buffer.concat([first, second]));
});

test('the harness supports Put Block From URL with a SAS URL of another blob', async (t) => {
  const container = await withTestContainer(t);
  const source = container.getBlockBlobClient('source.bin');
  const sourceBytes = randomBytes(64 * 1024);
  await source.uploadData(sourceBytes);

  const sas = generateBlobSASQueryParameters(
    {
      containerName: container.containerName,
      blobName: source.name,
      permissions: BlobSASPermissions.parse('r'),
      startsOn: new Date(Date.now() - 5 * 60_000),
      expiresOn: new Date(Date.now() + 10 * 60_000),
    },
    azuriteSharedKeyCredential(),
  ).toString();
  const sourceUrl = `${source.url}?${sas}`;

  const target = container.getBlockBlobClient('target.bin');
  await target.stageBlockFromURL('YQ==', sourceUrl, 1000, 5000);
  await target.stageBlockFromURL('Yg==', sourceUrl, 0, 1000);
  await target.commitBlockList(['YQ==', 'Yg==']);
  assert.deepEqual(
    await target.downloadToBuffer(),
    Buffer.concat([sourceBytes.subarray(1000, 6000), sourceBytes.subarray(0, 1000)]),
  );
});

test('testBlobService returns one memoised client for the development account', async () => {
  const a = await testBlobService();
  const b = await testBlobService();
  assert.equal(a, b);
  assert.equal(a.accountName, AZURITE_ACCOUNT_NAME);
});

test('startAzurite starts a second emulator that serves requests and stops it', async () => {
  const azurite = await startAzurite();
  const port = Number(new URL(azurite.blobEndpoint).port);
  try {
    assert.match(azurite.blobEndpoint, /^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    const { BlobServiceClient } = await import('@azure/storage-blob');
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    await service.getContainerClient('probe').create();
    const names: string[] = [];
    for await (const c of service.listContainers()) names.push(c.name);
    assert.deepEqual(names, ['probe']);
  } finally {
    await azurite.stop();
  }
  const net = await import('node:net');
  const refused = await new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
  assert.equal(refused, true, 'the port no longer accepts connections after stop()');
});
