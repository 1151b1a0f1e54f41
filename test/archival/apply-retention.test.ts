/** Retention against a real Azurite: exactly the job's selected archives go, nothing else. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import { applyRetention, type ApplyRetentionInput } from '../../src/archival/apply-retention';
import { listArchives } from '../../src/archival/archive-listing';
import { testBlobService, withTestContainer } from '../helpers/azurite';

async function upload(container: ContainerClient, names: readonly string[]): Promise<void> {
  for (const name of names) await container.getBlockBlobClient(name).upload(name, name.length);
}

async function names(container: ContainerClient): Promise<string[]> {
  const found: string[] = [];
  for await (const item of container.listBlobsFlat()) found.push(item.name);
  return found.sort();
}

const OWN = [
  'nightly-Sales-20261001T020000Z.bacpac',
  'nightly-Sales-20261120T020000Z.bacpac',
  'nightly-Sales-20261123T020000Z.bacpac',
  'nightly-Sales-20261124T020000Z.bacpac',
  'nightly-Sales-20261125T020000Z.bacpac',
];
const OTHERS = [
  'nightly-Sales-EU-20261001T020000Z.bacpac',
  'nightly-Sales-EU-20261002T020000Z.bacpac',
  'weekly-Sales-20260101T020000Z.bacpac',
  'Sales-20260101T020000Z.bacpac',
  'nightly-Sales-20261001T020000Z.bacpac.tmp',
  'nightly-Sales-manual.bacpac',
  'archive-history/nightly-sales/799738749799-202611250200.json',
];

function input(container: string, overrides: Partial<ApplyRetentionInput> = {}): ApplyRetentionInput {
  return {
    job: 'nightly-sales',
    accountUrl: 'http://127.0.0.1/devstoreaccount1',
    container,
    prefix: 'nightly-',
    database: 'Sales',
    retention: { keepLast: 3 },
    now: '2026-11-25T02:05:00.000Z',
    protect: 'nightly-Sales-20261125T020000Z.bacpac',
    ...overrides,
  };
}

describe('applyRetention against Azurite', () => {
  test('deletes exactly the archives beyond keepLast and leaves other jobs, prefixes and containers alone', async (t) => {
    const target = await withTestContainer(t);
    const neighbour = await withTestContainer(t);
    await upload(target, [...OWN, ...OTHERS]);
    await upload(neighbour, OWN);
    const logged: string[] = [];

    const outcome = await applyRetention(target, input(target.containerName), (m) => logged.push(m));

    assert.deepEqual(
      outcome.deleted.map((d) => d.name),
      ['nightly-Sales-20261120T020000Z.bacpac', 'nightly-Sales-20261001T020000Z.bacpac'],
    );
    assert.deepEqual(outcome.kept, [
      'nightly-Sales-20261125T020000Z.bacpac',
      'nightly-Sales-20261124T020000Z.bacpac',
      'nightly-Sales-20261123T020000Z.bacpac',
    ]);
    assert.deepEqual(await names(target), [...OTHERS, ...OWN.slice(2)].sort());
    assert.deepEqual(await names(neighbour), [...OWN].sort());
    assert.deepEqual(logged, [
      `archive job nightly-sales: deleted ${target.containerName}/nightly-Sales-20261120T020000Z.bacpac (archived 2026-11-20T02:00:00.000Z; beyond the 3 newest)`,
      `archive job nightly-sales: deleted ${target.containerName}/nightly-Sales-20261001T020000Z.bacpac (archived 2026-10-01T02:00:00.000Z; beyond the 3 newest)`,
    ]);

    const again = await applyRetention(target, input(target.containerName));
    assert.deepEqual(again.deleted, []);
    assert.deepEqual(await names(target), [...OTHERS, ...OWN.slice(2)].sort());
  });

  test('never deletes the newest archive, even when every archive is past maxAgeDays', async (t) => {
    const target = await withTestContainer(t);
    await upload(target, [...OWN, ...OTHERS]);
    await applyRetention(
      target,
      input(target.containerName, {
        retention: { maxAgeDays: 1 },
        now: '2030-01-01T00:00:00.000Z',
        protect: 'x.bacpac',
      }),
    );
    assert.deepEqual(await names(target), [...OTHERS, 'nightly-Sales-20261125T020000Z.bacpac'].sort());
  });

  test('listArchives lists the job archives newest first with size and times; a missing container has none', async (t) => {
    const target = await withTestContainer(t);
    await upload(target, [...OWN, ...OTHERS]);
    const archives = await listArchives(target, { prefix: 'nightly-', database: 'Sales' });
    assert.deepEqual(
      archives.map((a) => [a.name, a.archivedAt, a.sizeBytes]),
      [...OWN]
        .reverse()
        .map((n) => [n, `${n.slice(14, 18)}-${n.slice(18, 20)}-${n.slice(20, 22)}T02:00:00.000Z`, n.length]),
    );
    assert.ok(archives.every((a) => !Number.isNaN(Date.parse(a.lastModified))));
    const service = await testBlobService();
    assert.deepEqual(
      await listArchives(service.getContainerClient('t-does-not-exist-0'), { prefix: '', database: 'x' }),
      [],
    );
  });
});
