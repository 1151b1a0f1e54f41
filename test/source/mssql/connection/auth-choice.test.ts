import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAuth } from '../../../../src/source/mssql/connection/auth-choice';
import { parseConnectionString } from '../../../../src/source/mssql/connection/connection-string';

const auth = (cs: string) => chooseAuth(parseConnectionString(cs));

test('User ID and Password select SQL authentication', () => {
  assert.deepEqual(auth('Server=tcp:s,1433;Database=d;User ID=u;Password=p'), {
    kind: 'sql',
    user: 'u',
    password: 'p',
  });
  assert.deepEqual(auth('Server=s;Database=d;Authentication=SqlPassword;User ID=u;Password=p'), {
    kind: 'sql',
    user: 'u',
    password: 'p',
  });
});

test('without a password: an Entra token, from the keyword, the options or DefaultAzureCredential', () => {
  assert.deepEqual(auth('Server=s;Database=d'), { kind: 'entra', identity: { kind: 'default' } });
  assert.deepEqual(
    chooseAuth(parseConnectionString('Server=s;Database=d'), { kind: 'managedIdentity', clientId: 'c1' }),
    {
      kind: 'entra',
      identity: { kind: 'managedIdentity', clientId: 'c1' },
    },
  );
  assert.deepEqual(auth('Server=s;Database=d;Authentication=Active Directory Managed Identity;User ID=abc'), {
    kind: 'entra',
    identity: { kind: 'managedIdentity', clientId: 'abc' },
  });
  assert.deepEqual(auth('Server=s;Database=d;Authentication="Active Directory MSI"'), {
    kind: 'entra',
    identity: { kind: 'managedIdentity' },
  });
  assert.deepEqual(auth('Server=s;Database=d;Authentication=Active Directory Workload Identity'), {
    kind: 'entra',
    identity: { kind: 'workloadIdentity' },
  });
  assert.deepEqual(auth('Server=s;Database=d;Authentication=Active Directory Default'), {
    kind: 'entra',
    identity: { kind: 'default' },
  });
});

test('unusable authentication settings fail with SQL_CONFIG', () => {
  assert.throws(
    () => auth('Server=s;Database=d;Authentication=SqlPassword;User ID=u'),
    /\[SQL_CONFIG\] .*needs both User ID and Password/,
  );
  assert.throws(
    () => auth('Server=s;Database=d;Authentication=Active Directory Password;User ID=u;Password=p'),
    /\[SQL_CONFIG\] connection string: Authentication="Active Directory Password" is not supported/,
  );
});
