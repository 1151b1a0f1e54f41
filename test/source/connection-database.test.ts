import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectionStringForDatabase } from '../../src/source/connection-database';
import { parseConnectionString } from '../../src/source/mssql/connection/connection-string';
import { sqlSourceFor } from '../../src/source/source-for-request';

describe('connectionStringForDatabase', () => {
  test('ADO.NET strings keep every other keyword and name the copy, whichever database keyword they used', () => {
    for (const original of [
      'Server=tcp:sql1.database.windows.net,1433;Database=Sales;User ID=u;Password=p;Encrypt=True',
      'Server=tcp:sql1.database.windows.net,1433;Initial Catalog=Sales;User ID=u;Password=p;',
      'Data Source=sql1.database.windows.net;User ID=u;Password=p',
    ]) {
      const parsed = parseConnectionString(connectionStringForDatabase(original, 'Sales_bacpac_3f2a9c1d'));
      assert.equal(parsed.database, 'Sales_bacpac_3f2a9c1d', original);
      assert.equal(parsed.server, 'sql1.database.windows.net');
      assert.equal(parsed.user, 'u');
      assert.equal(parsed.password, 'p');
    }
  });

  test('names with ; = and quotes survive ADO.NET quoting', () => {
    const name = 'a;b="c"_bacpac_1';
    const text = connectionStringForDatabase('Server=s;Database=x;', name);
    assert.equal(parseConnectionString(text).database, name);
  });

  test('mssql:// URLs get the database path segment replaced, with and without an instance', () => {
    const plain = parseConnectionString(
      connectionStringForDatabase('mssql://u:p@sql1:1433/Sales?encrypt=true', 'My Copy_bacpac_1'),
    );
    assert.deepEqual(
      [plain.database, plain.instanceName, plain.port, plain.user],
      ['My Copy_bacpac_1', undefined, 1433, 'u'],
    );
    const named = parseConnectionString(
      connectionStringForDatabase('mssql://u:p@sql1/INST/Sales', 'S_bacpac_1'),
    );
    assert.deepEqual([named.database, named.instanceName], ['S_bacpac_1', 'INST']);
  });
});

describe('sqlSourceFor with consistency "copy"', () => {
  const settings = { settings: {}, connectTimeoutSeconds: 5, commandTimeoutSeconds: 0 };
  test('refuses a database that is not a copy the run made', () => {
    assert.throws(
      () =>
        sqlSourceFor(
          { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
          'copy',
          settings,
        ),
      {
        message:
          /^\[CONSISTENCY_UNSUPPORTED\] sql1\.database\.windows\.net\/Sales: consistency "copy" reads a database copy/,
      },
    );
  });

  test('opens a source for the copy without connecting yet', async () => {
    const source = sqlSourceFor(
      {
        server: 'sql1.database.windows.net',
        database: 'Sales_bacpac_3f2a9c1d',
        authentication: 'managed-identity',
      },
      'copy',
      settings,
    );
    assert.equal(typeof source.readSchema, 'function');
    await source.close();
  });
});
