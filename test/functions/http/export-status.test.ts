import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getExport } from '../../../src/functions/http/get-export';
import { listExports } from '../../../src/functions/http/list-exports';
import type { ExportStatusDocument } from '../../../src/api/status-document';
import type { ExportCustomStatus } from '../../../src/orchestration/export-status';
import { MemoryDurableClient } from './helpers/memory-durable-client';
import { get } from './helpers/test-api';

const running: ExportCustomStatus = {
  runId: 'run-1',
  phase: 'exporting',
  progress: {
    tablesTotal: 3,
    tablesDone: 1,
    partsTotal: 900,
    partsDone: 10,
    rowsExported: '10000',
    rowsEstimated: '900000',
    bytesWritten: 5000,
    percent: 1,
  },
  timings: { startedAt: '2024-01-15T08:00:00.000Z', plannedAt: '2024-01-15T08:00:10.000Z' },
  batch: { instanceId: 'batch-a', index: 0, count: 3 },
};

describe('GET /api/exports/{id}', () => {
  test('404 JSON for an unknown id (the durable client throws on it)', async () => {
    const response = await getExport(get('exports/nope', { id: 'nope' }), new MemoryDurableClient());
    assert.equal(response.status, 404);
    assert.deepEqual(response.jsonBody, {
      code: 'EXPORT_NOT_FOUND',
      message: 'No export with id "nope"',
      details: { id: 'nope' },
    });
  });

  test('a running export reports phase and the live progress of its running batch', async () => {
    const client = new MemoryDurableClient();
    client.add({ instanceId: 'e1', runtimeStatus: 'Running' as never, customStatus: running });
    client.add({
      instanceId: 'batch-a',
      name: 'exportPartsBatch',
      runtimeStatus: 'Running' as never,
      customStatus: {
        ...running,
        batch: undefined,
        progress: { ...running.progress, partsDone: 120, percent: 12 },
      },
    });
    const response = await getExport(get('exports/e1', { id: 'e1' }), client);
    assert.equal(response.status, 200);
    const json = response.jsonBody as ExportStatusDocument & { statusUrl: string };
    assert.equal(json.runtimeStatus, 'Running');
    assert.equal(json.phase, 'exporting');
    assert.equal(json.progress.partsDone, 120);
    assert.equal(json.timings.plannedAt, '2024-01-15T08:00:10.000Z');
    assert.equal(json.timings.createdTime, '2024-01-15T08:00:00.000Z');
    assert.equal(json.statusUrl, 'http://localhost:7071/api/exports/e1');
    assert.equal(json.error, undefined);
  });

  test('a completed export reports its result; a failed one its coded error with table and part', async () => {
    const client = new MemoryDurableClient();
    const result = {
      blobUrl: 'https://a.blob.core.windows.net/x/S.bacpac',
      sizeBytes: 10,
      tables: 3,
      rows: '900000',
    };
    client.add({
      instanceId: 'ok',
      runtimeStatus: 'Completed' as never,
      output: result,
      customStatus: { ...running, phase: 'done' },
    });
    client.add({
      instanceId: 'bad',
      runtimeStatus: 'Failed' as never,
      output:
        "Orchestrator function 'exportBacpac' failed: [SQL_DEADLOCK] dbo.Orders part 7: chosen as deadlock victim",
    });
    const ok = (await getExport(get('exports/ok', { id: 'ok' }), client)).jsonBody as Record<string, unknown>;
    assert.deepEqual(ok.result, result);
    assert.equal(ok.phase, 'done');
    assert.equal(ok.consistency, undefined, 'a status without consistency shows none');
    const bad = (await getExport(get('exports/bad', { id: 'bad' }), client)).jsonBody as Record<
      string,
      unknown
    >;
    assert.deepEqual(bad.error, {
      code: 'SQL_DEADLOCK',
      message: 'chosen as deadlock victim',
      table: 'dbo.Orders',
      part: 7,
    });
  });
});

test('the status document carries the consistency mode, whether it is consistent, and the copy', async () => {
  const client = new MemoryDurableClient();
  const consistency = {
    mode: 'copy',
    consistent: true,
    copyDatabase: 'Sales_bacpac_3f2a9c1d',
    copyState: 'dropped',
  } as const;
  client.add({
    instanceId: 'c',
    runtimeStatus: 'Completed' as never,
    output: {
      blobUrl: 'https://a.blob.core.windows.net/x/S.bacpac',
      sizeBytes: 10,
      tables: 3,
      rows: '9',
      consistent: true,
    },
    customStatus: { ...running, batch: undefined, phase: 'done', consistency },
  });
  const json = (await getExport(get('exports/c', { id: 'c' }), client)).jsonBody as ExportStatusDocument;
  assert.deepEqual(json.consistency, consistency);
  assert.equal(json.result?.consistent, true);
});

describe('GET /api/exports', () => {
  test('lists recent exports newest first, filtered by status, without batch or cleanup instances', async () => {
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'old',
      runtimeStatus: 'Completed' as never,
      createdTime: new Date('2024-01-01T00:00:00Z'),
    });
    client.add({
      instanceId: 'a',
      runtimeStatus: 'Completed' as never,
      createdTime: new Date('2024-01-15T07:00:00Z'),
    });
    client.add({
      instanceId: 'b',
      runtimeStatus: 'Running' as never,
      createdTime: new Date('2024-01-15T08:00:00Z'),
    });
    client.add({
      instanceId: 'c',
      runtimeStatus: 'Failed' as never,
      createdTime: new Date('2024-01-15T09:00:00Z'),
    });
    client.add({ instanceId: 'batch', name: 'exportPartsBatch', runtimeStatus: 'Running' as never });
    const now = () => new Date('2024-01-16T00:00:00Z');
    const request = get('exports?status=Running,Completed');
    const response = await listExports(request, client, now);
    assert.equal(response.status, 200);
    const ids = (response.jsonBody as { exports: { id: string }[] }).exports.map((e) => e.id);
    assert.deepEqual(ids, ['b', 'a']);
    const all = await listExports(get('exports'), client, now);
    assert.deepEqual(
      (all.jsonBody as { exports: { id: string }[] }).exports.map((e) => e.id),
      ['c', 'b', 'a'],
    );
  });

  test('400 naming an unknown status', async () => {
    const response = await listExports(get('exports?status=Running,Done'), new MemoryDurableClient());
    assert.equal(response.status, 400);
    assert.match((response.jsonBody as { message: string }).message, /^status: unknown value "Done"/);
  });
});
