import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ContainerClient } from '@azure/storage-blob';
import { cancelExport } from '../../../src/functions/http/cancel-export';
import type { CancelCleanupInput } from '../../../src/orchestration/orchestration-input';
import { StagingLayout } from '../../../src/orchestration/staging-layout';
import { withTestContainer } from '../../helpers/azurite';
import { MemoryDurableClient } from './helpers/memory-durable-client';
import { postJson, testApi } from './helpers/test-api';

async function names(container: ContainerClient): Promise<string[]> {
  const result: string[] = [];
  for await (const blob of container.listBlobsFlat()) result.push(blob.name);
  return result.sort();
}

describe('POST /api/exports/{id}/cancel', () => {
  test('writes the cancel marker, terminates the export and its batch, deletes staging, schedules the delayed cleanup', async (t) => {
    const staging = await withTestContainer(t);
    const runId = 'run-abc';
    for (const name of [
      StagingLayout.plan(runId),
      StagingLayout.part(runId, 0),
      StagingLayout.manifest(runId, 0),
      'run-other/plan.json',
    ]) {
      await staging.getBlockBlobClient(name).upload('{}', 2);
    }
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'e1',
      runtimeStatus: 'Running' as never,
      input: {
        runId,
        request: {
          target: {
            accountUrl: 'https://acct.blob.core.windows.net',
            container: 'bacpacs',
            blobName: 'sales.bacpac',
          },
        },
      },
      customStatus: { runId, phase: 'exporting', batch: { instanceId: 'batch-1', index: 0, count: 2 } },
    });
    client.add({ instanceId: 'batch-1', name: 'exportPartsBatch', runtimeStatus: 'Running' as never });

    const response = await cancelExport(
      postJson('exports/e1/cancel', {}, { id: 'e1' }),
      client,
      await testApi(staging),
    );
    assert.equal(response.status, 202);
    assert.deepEqual(response.jsonBody, {
      id: 'e1',
      runId,
      runtimeStatus: 'Terminated',
      deletedStagingBlobs: 3,
      cleanupInstanceId: 'run-abc-cancel-cleanup',
    });
    assert.deepEqual(
      await names(staging),
      ['run-abc/CANCELLED', 'run-other/plan.json'],
      'marker stays, other runs untouched',
    );
    assert.deepEqual(
      client.terminated.map((x) => x.id),
      ['e1', 'batch-1'],
    );
    const cleanup = client.started[0]!;
    assert.equal(cleanup.name, 'cleanupCancelledRun');
    // The target goes along: the delayed cleanup drops blocks the run's parts wrote into it.
    const expected: CancelCleanupInput = {
      runId,
      graceSeconds: 300,
      target: {
        accountUrl: 'https://acct.blob.core.windows.net',
        container: 'bacpacs',
        blobName: 'sales.bacpac',
      },
    };
    assert.deepEqual(cleanup.options!.input, expected);
  });

  test('a "copy" run: the delayed cleanup also drops the database copy, by its recorded or derived name', async (t) => {
    const staging = await withTestContainer(t);
    const source = {
      server: 'sql1.database.windows.net',
      database: 'Sales',
      authentication: 'managed-identity',
    } as const;
    const request = { source, options: { consistency: 'copy' } };
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'c1',
      runtimeStatus: 'Running' as never,
      input: { runId: 'run-c1', request },
      customStatus: {
        runId: 'run-c1',
        phase: 'planning',
        consistency: { mode: 'copy', consistent: false, copyDatabase: 'Sales_bacpac_recorded' },
      },
    });
    client.add({
      instanceId: 'c2',
      runtimeStatus: 'Pending' as never,
      input: { runId: '3f2a9c1d-77b0-4c6e-9a51-0d2e4f6a8b10', request },
    });
    const api = await testApi(staging);
    for (const id of ['c1', 'c2']) {
      const response = await cancelExport(postJson(`exports/${id}/cancel`, {}, { id }), client, api);
      assert.equal(response.status, 202);
    }
    const inputs = client.started.map((s) => s.options!.input as CancelCleanupInput);
    assert.deepEqual(
      inputs.map((i) => i.copy),
      [
        { source, copyDatabase: 'Sales_bacpac_recorded' },
        { source, copyDatabase: 'Sales_bacpac_3f2a9c1d' },
      ],
    );
  });

  test('404 JSON for an unknown id; 409 for an export that is not running', async (t) => {
    const staging = await withTestContainer(t);
    const client = new MemoryDurableClient();
    client.add({ instanceId: 'done', runtimeStatus: 'Completed' as never, input: { runId: 'run-d' } });
    const api = await testApi(staging);
    const unknown = await cancelExport(postJson('exports/x/cancel', {}, { id: 'x' }), client, api);
    assert.equal(unknown.status, 404);
    assert.equal((unknown.jsonBody as { code: string }).code, 'EXPORT_NOT_FOUND');
    const finished = await cancelExport(postJson('exports/done/cancel', {}, { id: 'done' }), client, api);
    assert.equal(finished.status, 409);
    assert.equal((finished.jsonBody as { code: string }).code, 'EXPORT_NOT_RUNNING');
    assert.deepEqual(await names(staging), [], 'no marker written for a finished export');
  });
});
