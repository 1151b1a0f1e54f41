/**
 * The copy operations over the SQL Server source's connector seam: the pools answer from rows
 * (test/source/mssql/fake-connector.ts), so these tests check which database each operation
 * connects to and which statements it sends, in which order. What a real Azure SQL server does with
 * them is for the live tests gated by MSSQL_TEST_URL.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExportSourceSpec } from '../../src/api/export-request';
import type { SqlConnector } from '../../src/source/mssql/connection/connector';
import { sqlDatabaseCopies } from '../../src/source/sql-database-copies';
import { fakeConnector, type IssuedQuery } from './mssql/fake-connector';

const MI: ExportSourceSpec = {
  server: 'sql1.database.windows.net',
  database: 'Sales',
  authentication: 'managed-identity',
};
const SETTING: ExportSourceSpec = {
  server: 'sql1.database.windows.net',
  database: 'Sales',
  authentication: 'connection-setting',
  connectionSetting: 'SQL_ORDERS',
};
const COPY = 'Sales_bacpac_3f2a9c1d';

function harness(respond: (sql: string) => readonly unknown[] | undefined) {
  const fake = fakeConnector((q: IssuedQuery) => respond(q.sql));
  const connections: { connectionString: string; database?: string }[] = [];
  // The copy functions send CREATE and DROP with request().batch; the fake answers batches as queries.
  const connectorFor = (connectionString: string): SqlConnector => ({
    description: 'fake',
    async connect(purpose, database) {
      connections.push({ connectionString, ...(database === undefined ? {} : { database }) });
      const pool = await fake.connector.connect(purpose, database);
      return {
        request: () => {
          const request = pool.request();
          return Object.assign(request, { batch: (sql: string) => request.query(sql) });
        },
        close: () => pool.close(),
      };
    },
  });
  const copies = sqlDatabaseCopies(
    {
      settings: {
        SQL_ORDERS: 'Server=tcp:sql1.database.windows.net,1433;Database=Orders;User ID=u;Password=p',
      },
      connectTimeoutSeconds: 5,
      commandTimeoutSeconds: 0,
    },
    connectorFor,
  );
  return {
    copies,
    connections,
    sql: () => fake.issued.map((q) => q.sql.replace(/\s+/g, ' ').trim()),
    closed: fake.closed,
  };
}

describe('sqlDatabaseCopies', () => {
  test('engineEdition reads SERVERPROPERTY on master', async () => {
    const h = harness((sql) => (sql.includes('EngineEdition') ? [{ engineEdition: 5 }] : undefined));
    assert.equal(await h.copies.engineEdition(MI), 5);
    assert.deepEqual(
      h.connections.map((c) => c.database),
      ['master'],
    );
    assert.equal(h.closed(), 1, 'the master connection is closed');
  });

  test('start copies the database the connection setting names, on master, once', async () => {
    let exists = false;
    const h = harness((sql) => (sql.startsWith('SELECT DB_ID') ? [{ id: exists ? 7 : null }] : undefined));
    assert.deepEqual(await h.copies.start(SETTING, COPY), { sourceDatabase: 'Orders' });
    exists = true;
    assert.deepEqual(await h.copies.start(SETTING, COPY), { sourceDatabase: 'Orders' });
    assert.deepEqual(h.sql(), [
      `SELECT DB_ID(N'${COPY}') AS id;`,
      `CREATE DATABASE [${COPY}] AS COPY OF [Orders];`,
      `SELECT DB_ID(N'${COPY}') AS id;`,
    ]);
    assert.deepEqual(
      h.connections.map((c) => c.database),
      ['master', 'master'],
    );
  });

  test('start with managed identity copies the request database', async () => {
    const h = harness((sql) => (sql.startsWith('SELECT DB_ID') ? [{ id: null }] : undefined));
    assert.deepEqual(await h.copies.start(MI, COPY), { sourceDatabase: 'Sales' });
    assert.match(
      h.connections[0]!.connectionString,
      /^Server=tcp:sql1\.database\.windows\.net,1433;Database=Sales;/,
    );
    assert.equal(h.sql()[1], `CREATE DATABASE [${COPY}] AS COPY OF [Sales];`);
  });

  test('status maps the copy function states, percent included', async () => {
    let row: unknown = { stateDesc: 'COPYING', percent: 42.5, errorDesc: null };
    const h = harness((sql) => (sql.includes('sys.dm_database_copies') ? [row] : undefined));
    assert.deepEqual(await h.copies.status(MI, COPY), { state: 'copying', percent: 42.5 });
    row = { stateDesc: 'ONLINE', percent: null, errorDesc: null };
    assert.deepEqual(await h.copies.status(MI, COPY), { state: 'online' });
    row = { stateDesc: 'COPYING', percent: null, errorDesc: 'The source database is unavailable' };
    assert.deepEqual(await h.copies.status(MI, COPY), {
      state: 'failed',
      message: 'The source database is unavailable',
    });
  });

  test('drop sends an idempotent DROP on master', async () => {
    const h = harness(() => undefined);
    await h.copies.drop(MI, COPY);
    assert.deepEqual(h.sql(), [`IF DB_ID(N'${COPY}') IS NOT NULL DROP DATABASE [${COPY}];`]);
    assert.deepEqual(
      h.connections.map((c) => c.database),
      ['master'],
    );
  });
});
