import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeConnection,
  parseConnectionString,
  parseServer,
  splitConnectionString,
} from '../../../../src/source/mssql/connection/connection-string';

describe('parseConnectionString (ADO.NET)', () => {
  test('reads the Azure portal ADO.NET string with tcp: prefix and port', () => {
    const s = parseConnectionString(
      'Server=tcp:myserver.database.windows.net,1433;Initial Catalog=mydb;Persist Security Info=False;' +
        'User ID=exporter;Password=p@ss"w\'rd;MultipleActiveResultSets=False;Encrypt=True;' +
        'TrustServerCertificate=False;Connection Timeout=30;',
    );
    // A quote inside an unquoted value is part of the value, as in ADO.NET.
    assert.equal(s.server, 'myserver.database.windows.net');
    assert.equal(s.port, 1433);
    assert.equal(s.database, 'mydb');
    assert.equal(s.user, 'exporter');
    assert.equal(s.password, `p@ss"w'rd`);
    assert.equal(s.encrypt, true);
    assert.equal(s.trustServerCertificate, false);
    assert.equal(s.connectTimeoutSeconds, 30);
  });

  test('quoted values keep semicolons and doubled quotes', () => {
    const s = parseConnectionString(`Data Source=db1\\SQL2019;Database="a;b";UID=sa;PWD='it''s;secret'`);
    assert.equal(s.server, 'db1');
    assert.equal(s.instanceName, 'SQL2019');
    assert.equal(s.database, 'a;b');
    assert.equal(s.password, "it's;secret");
  });

  test('encryption is on and the certificate validated unless the string says otherwise', () => {
    const plain = parseConnectionString('Server=h;Database=d');
    assert.equal(plain.encrypt, true);
    assert.equal(plain.trustServerCertificate, false);
    const relaxed = parseConnectionString('Server=h;Encrypt=no;TrustServerCertificate=yes');
    assert.equal(relaxed.encrypt, false);
    assert.equal(relaxed.trustServerCertificate, true);
    assert.equal(parseConnectionString('Server=h;Encrypt=Strict').encrypt, 'strict');
    assert.equal(parseConnectionString('Server=h;Encrypt=Mandatory').encrypt, true);
  });

  test('timeouts in seconds and keyword synonyms', () => {
    const s = parseConnectionString('address=h,14330;connect timeout=45;Command Timeout=600;App=x');
    assert.equal(s.port, 14330);
    assert.equal(s.connectTimeoutSeconds, 45);
    assert.equal(s.commandTimeoutSeconds, 600);
    assert.equal(s.applicationName, 'x');
  });

  test('errors name the problem with the SQL_CONFIG code', () => {
    assert.throws(
      () => parseConnectionString('Database=d'),
      /^MssqlSourceError: \[SQL_CONFIG\] connection string: no Server/,
    );
    assert.throws(
      () => parseConnectionString('Server=h;Colour=blue'),
      /\[SQL_CONFIG\].*unknown keyword "colour"/,
    );
    assert.throws(
      () => parseConnectionString('Server=h;Encrypt=maybe'),
      /"encrypt" must be true or false, found "maybe"/,
    );
    assert.throws(() => parseConnectionString('Server=h,99999'), /port must be a number from 1 to 65535/);
    assert.throws(() => parseConnectionString('Server=np:\\\\h\\pipe'), /only TCP/);
    assert.throws(() => parseConnectionString('Server=h;Password="abc'), /unterminated quoted value/);
  });
});

describe('parseConnectionString (URL)', () => {
  test('reads mssql:// URLs with credentials, port and options', () => {
    const s = parseConnectionString(
      'mssql://sa:S3cr%40t@localhost:1433/master?encrypt=true&trustServerCertificate=true',
    );
    assert.equal(s.server, 'localhost');
    assert.equal(s.port, 1433);
    assert.equal(s.database, 'master');
    assert.equal(s.user, 'sa');
    assert.equal(s.password, 'S3cr@t');
    assert.equal(s.trustServerCertificate, true);
  });

  test('an instance name is the first path segment when two are given', () => {
    const s = parseConnectionString('sqlserver://u:p@host/INST/db');
    assert.equal(s.instanceName, 'INST');
    assert.equal(s.database, 'db');
  });
});

test('parseServer handles the local aliases', () => {
  assert.deepEqual(parseServer('(local)'), { server: 'localhost' });
  assert.deepEqual(parseServer('tcp:.,1434'), { server: 'localhost', port: 1434 });
});

test('splitConnectionString keeps empty values and trims keys', () => {
  assert.deepEqual(splitConnectionString(' Server = h ; Password= ;'), [
    ['server', 'h'],
    ['password', ''],
  ]);
});

test('describeConnection never includes the password', () => {
  const s = parseConnectionString('Server=tcp:h,1433;Database=d;User ID=u;Password=TopSecret1');
  const text = describeConnection(s);
  assert.equal(text, 'h,1433/d as u');
  assert.ok(!text.includes('TopSecret1'));
});
