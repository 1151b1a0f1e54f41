import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpResponseInit } from '@azure/functions';
import { startExport } from '../../../src/functions/http/start-export';
import type { ExportOrchestrationInput } from '../../../src/orchestration/orchestration-input';
import { withTestContainer } from '../../helpers/azurite';
import { MemoryDurableClient } from './helpers/memory-durable-client';
import { postJson, testApi } from './helpers/test-api';

interface ErrorJson {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** A request body that tests change field by field. */
interface Body {
  source: Record<string, unknown>;
  target: Record<string, unknown>;
  options: Record<string, unknown>;
  [field: string]: unknown;
}

function body(container: string, patch: (b: Body) => unknown = () => undefined): Body {
  const value: Body = {
    source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
    target: { accountUrl: 'default', container, blobName: 'Sales.bacpac' },
    options: { maxParallelism: 2 },
  };
  patch(value);
  return value;
}

function errorOf(response: HttpResponseInit): ErrorJson {
  return response.jsonBody as ErrorJson;
}

describe('POST /api/exports', () => {
  test('starts the export: 202 with the durable payload, our URLs, and a validated input', async (t) => {
    const staging = await withTestContainer(t);
    const target = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const api = await testApi(staging);
    const response = await startExport(postJson('exports', body(target.containerName)), client, api);
    assert.equal(response.status, 202);
    const json = response.jsonBody as Record<string, string>;
    assert.equal(json.id, 'generated-1');
    assert.equal(json.statusUrl, 'http://localhost:7071/api/exports/generated-1');
    assert.equal(json.cancelUrl, 'http://localhost:7071/api/exports/generated-1/cancel');
    assert.match(json.statusQueryGetUri!, /instances\/generated-1$/);
    assert.equal((response.headers as Record<string, string>).Location, json.statusUrl);
    const started = client.started[0]!;
    assert.equal(started.name, 'exportBacpac');
    const input = started.options!.input as ExportOrchestrationInput;
    assert.equal(input.runId, 'run-1');
    assert.deepEqual(input.request, {
      source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
      target: {
        accountUrl: api.defaults.appAccountUrl,
        container: target.containerName,
        blobName: 'Sales.bacpac',
      },
      options: {
        maxParallelism: 2,
        splitRowThreshold: 1_000_000,
        compression: 'normal',
        overwrite: false,
        consistency: 'none',
      },
    });
  });

  test('409 when the target blob exists and overwrite is not true; starts when overwrite is true', async (t) => {
    const staging = await withTestContainer(t);
    const target = await withTestContainer(t);
    await target.getBlockBlobClient('Sales.bacpac').upload('x', 1);
    const client = new MemoryDurableClient();
    const api = await testApi(staging);
    const refused = await startExport(postJson('exports', body(target.containerName)), client, api);
    assert.equal(refused.status, 409);
    assert.equal(errorOf(refused).code, 'TARGET_EXISTS');
    assert.match(errorOf(refused).message, /Sales\.bacpac already exists; set options\.overwrite to true/);
    assert.equal(client.started.length, 0, 'nothing started');
    const replaced = await startExport(
      postJson(
        'exports',
        body(target.containerName, (b) => (b.options.overwrite = true)),
      ),
      client,
      api,
    );
    assert.equal(replaced.status, 202);
  });

  test('409 with the running instance URLs when the same instanceId is running', async (t) => {
    const staging = await withTestContainer(t);
    const client = new MemoryDurableClient();
    client.add({ instanceId: 'nightly', runtimeStatus: 'Running' as never });
    const api = await testApi(staging);
    const response = await startExport(
      postJson(
        'exports',
        body('exports', (b) => (b.options.instanceId = 'nightly')),
      ),
      client,
      api,
    );
    assert.equal(response.status, 409);
    assert.equal(errorOf(response).code, 'EXPORT_RUNNING');
    assert.equal(errorOf(response).details.statusUrl, 'http://localhost:7071/api/exports/nightly');
    assert.equal(errorOf(response).details.cancelUrl, 'http://localhost:7071/api/exports/nightly/cancel');
  });

  test('409 TARGET_BUSY while another export writes the same blob; a finished one does not count', async (t) => {
    const staging = await withTestContainer(t);
    const target = await withTestContainer(t);
    const api = await testApi(staging);
    // The orchestration's custom status names its target: lower-case account URL, container, blob.
    const writing = `${api.defaults.appAccountUrl.toLowerCase()}/${target.containerName}/Sales.bacpac`;
    const client = new MemoryDurableClient();
    client.add({
      instanceId: 'other-run',
      runtimeStatus: 'Running' as never,
      customStatus: { target: writing },
    });
    client.add({
      instanceId: 'old-run',
      runtimeStatus: 'Completed' as never,
      customStatus: { target: writing },
    });

    const refused = await startExport(postJson('exports', body(target.containerName)), client, api);
    assert.equal(refused.status, 409);
    assert.equal(errorOf(refused).code, 'TARGET_BUSY');
    assert.match(errorOf(refused).message, /Sales\.bacpac is being written by running export "other-run"/);
    assert.equal(errorOf(refused).details.statusUrl, 'http://localhost:7071/api/exports/other-run');
    assert.equal(client.started.length, 0, 'nothing started');

    const elsewhere = await startExport(
      postJson(
        'exports',
        body(target.containerName, (b) => (b.target.blobName = 'Sales-2.bacpac')),
      ),
      client,
      api,
    );
    assert.equal(elsewhere.status, 202, 'another blob of the same container is free');

    client.add({
      instanceId: 'other-run',
      runtimeStatus: 'Completed' as never,
      customStatus: { target: writing },
    });
    const after = await startExport(postJson('exports', body(target.containerName)), client, api);
    assert.equal(after.status, 202);
  });

  test('a finished instanceId may be reused', async (t) => {
    const staging = await withTestContainer(t);
    const target = await withTestContainer(t);
    const client = new MemoryDurableClient();
    client.add({ instanceId: 'nightly', runtimeStatus: 'Completed' as never });
    const response = await startExport(
      postJson(
        'exports',
        body(target.containerName, (b) => (b.options.instanceId = 'nightly')),
      ),
      client,
      await testApi(staging),
    );
    assert.equal(response.status, 202);
    assert.equal((response.jsonBody as { id: string }).id, 'nightly');
  });

  test('403 outside the allow-list: by default only the app storage account', async (t) => {
    const staging = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const api = await testApi(staging);
    const elsewhere = await startExport(
      postJson(
        'exports',
        body('exports', (b) => (b.target.accountUrl = 'https://other.blob.core.windows.net')),
      ),
      client,
      api,
    );
    assert.equal(elsewhere.status, 403);
    assert.equal(errorOf(elsewhere).code, 'OUTSIDE_ALLOW_LIST');
    assert.match(
      errorOf(elsewhere).message,
      /^target: container "exports" in https:\/\/other\.blob\.core\.windows\.net/,
    );

    const restricted = await testApi(staging, {
      allowList: { appAccountUrl: api.defaults.appAccountUrl, sourceServers: ['*.database.windows.net'] },
    });
    const server = await startExport(
      postJson(
        'exports',
        body('exports', (b) => (b.source.server = 'evil.example.com')),
      ),
      client,
      restricted,
    );
    assert.equal(server.status, 403);
    assert.match(
      errorOf(server).message,
      /^source\.server: "evil\.example\.com" is not in the allowed source servers/,
    );
  });
});

describe('POST /api/exports refuses bad requests with 400 and field messages', () => {
  const cases: [string, (b: Body) => unknown, string, RegExp][] = [
    [
      'a password field',
      (b) => (b.source.password = 'x'),
      'SECRET_IN_REQUEST',
      /source\.password.*connection-setting.*managed-identity/,
    ],
    [
      'a nested pwd',
      (b) => (b.options.extra = { deep: { Pwd: 'x' } }),
      'SECRET_IN_REQUEST',
      /options\.extra\.deep\.Pwd/,
    ],
    [
      'a connectionString key',
      (b) => (b.source.connectionString = 'x'),
      'SECRET_IN_REQUEST',
      /source\.connectionString/,
    ],
    [
      'a value with ;Password=',
      (b) => (b.source.database = 'Sales;Password=hunter2'),
      'SECRET_IN_REQUEST',
      /source\.database/,
    ],
    [
      'a value like Server=...;',
      (b) => (b.source.server = 'Server=tcp:x,1433;Database=y'),
      'SECRET_IN_REQUEST',
      /source\.server/,
    ],
    [
      'an unknown field',
      (b) => (b.options.parallel = 3),
      'INVALID_REQUEST',
      /options\.parallel: unknown field/,
    ],
    ['an unknown top-level field', (b) => (b.extra = 1), 'INVALID_REQUEST', /extra: unknown field/],
    [
      'a blob name ending with "."',
      (b) => (b.target.blobName = 'Sales.bacpac.'),
      'INVALID_REQUEST',
      /target\.blobName: must not end with "\."/,
    ],
    [
      'a blob name with a space',
      (b) => (b.target.blobName = 'My Sales.bacpac'),
      'INVALID_REQUEST',
      /target\.blobName: must not contain a space/,
    ],
    [
      'a blob name with "/"',
      (b) => (b.target.blobName = 'dir/Sales.bacpac'),
      'INVALID_REQUEST',
      /target\.blobName: must not contain "\/"/,
    ],
    [
      'a blob name with "?"',
      (b) => (b.target.blobName = 'Sales?.bacpac'),
      'INVALID_REQUEST',
      /target\.blobName: must not contain "\?"/,
    ],
    [
      'a blob name with "%"',
      (b) => (b.target.blobName = 'Sales%.bacpac'),
      'INVALID_REQUEST',
      /target\.blobName: must not contain "%"/,
    ],
    [
      'a blob name with "&", ":", "*", "<", ">" and "\\"',
      (b) => (b.target.blobName = 'a&b:c*d<e>f\\g.bacpac'),
      'INVALID_REQUEST',
      /target\.blobName: must not contain "<", ">", "\*", "&", ":", "\\"/,
    ],
    [
      'a blob name of 128 characters',
      (b) => (b.target.blobName = `${'a'.repeat(121)}.bacpac`),
      'INVALID_REQUEST',
      /target\.blobName: must be fewer than 128 characters \(found 128\)/,
    ],
    [
      'a blob name not ending in .bacpac',
      (b) => (b.target.blobName = 'Sales.zip'),
      'INVALID_REQUEST',
      /target\.blobName: must end with "\.bacpac"/,
    ],
    [
      'an upper-case container',
      (b) => (b.target.container = 'Exports'),
      'INVALID_REQUEST',
      /target\.container: must contain only lowercase letters, digits and hyphens/,
    ],
    [
      'a too short container',
      (b) => (b.target.container = 'ab'),
      'INVALID_REQUEST',
      /target\.container: must be 3 to 63 characters long/,
    ],
    [
      'a container with "--"',
      (b) => (b.target.container = 'my--exports'),
      'INVALID_REQUEST',
      /target\.container: must not contain consecutive hyphens/,
    ],
    [
      'a missing database',
      (b) => delete b.source.database,
      'INVALID_REQUEST',
      /source\.database: must be a non-empty string/,
    ],
    [
      'an unknown authentication',
      (b) => (b.source.authentication = 'sql-password'),
      'INVALID_REQUEST',
      /source\.authentication: must be one of "managed-identity", "connection-setting"/,
    ],
    [
      'connection-setting without a setting name',
      (b) => (b.source.authentication = 'connection-setting'),
      'INVALID_REQUEST',
      /source\.connectionSetting: must be a non-empty string/,
    ],
    [
      'an undefined connection setting',
      (b) => Object.assign(b.source, { authentication: 'connection-setting', connectionSetting: 'NOPE' }),
      'INVALID_REQUEST',
      /source\.connectionSetting: app setting "NOPE" is not defined/,
    ],
    [
      'maxParallelism 0',
      (b) => (b.options.maxParallelism = 0),
      'INVALID_REQUEST',
      /options\.maxParallelism: must be a whole number from 1 to 64, found 0/,
    ],
    [
      'an unknown compression',
      (b) => (b.options.compression = 'max'),
      'INVALID_REQUEST',
      /options\.compression: must be one of "normal", "fast", "none"/,
    ],
    [
      'an unknown consistency',
      (b) => (b.options.consistency = 'serializable'),
      'INVALID_REQUEST',
      /options\.consistency: must be one of "none", "snapshot", "copy"/,
    ],
    [
      'overwrite as a string',
      (b) => (b.options.overwrite = 'yes'),
      'INVALID_REQUEST',
      /options\.overwrite: must be true or false/,
    ],
    [
      'a table without schema',
      (b) => (b.options.tables = ['Orders']),
      'INVALID_REQUEST',
      /options\.tables\[0\]: must be a "schema\.table" name/,
    ],
    [
      'a SAS on the account URL',
      (b) => (b.target.accountUrl = 'https://a.blob.core.windows.net?sv=1&sig=abc'),
      'SECRET_IN_REQUEST',
      /target\.accountUrl/,
    ],
  ];
  for (const [name, patch, code, message] of cases) {
    test(name, async (t) => {
      const staging = await withTestContainer(t);
      const client = new MemoryDurableClient();
      const response = await startExport(
        postJson('exports', body('exports', patch)),
        client,
        await testApi(staging),
      );
      assert.equal(response.status, 400);
      assert.equal(errorOf(response).code, code);
      assert.match(errorOf(response).message, message);
      assert.equal(client.started.length, 0);
    });
  }

  test('malformed JSON', async (t) => {
    const staging = await withTestContainer(t);
    const response = await startExport(
      postJson('exports', '{"source": '),
      new MemoryDurableClient(),
      await testApi(staging),
    );
    assert.equal(response.status, 400);
    assert.equal(errorOf(response).code, 'MALFORMED_JSON');
    assert.deepEqual(Object.keys(errorOf(response)).sort(), ['code', 'details', 'message']);
  });

  test('a connection setting that exists is accepted and only its name travels', async (t) => {
    const staging = await withTestContainer(t);
    const target = await withTestContainer(t);
    const client = new MemoryDurableClient();
    const response = await startExport(
      postJson(
        'exports',
        body(target.containerName, (b) =>
          Object.assign(b.source, { authentication: 'connection-setting', connectionSetting: 'SALES_DB' }),
        ),
      ),
      client,
      await testApi(staging),
    );
    assert.equal(response.status, 202);
    const input = client.started[0]!.options!.input as ExportOrchestrationInput;
    assert.equal(input.request.source.connectionSetting, 'SALES_DB');
  });
});
