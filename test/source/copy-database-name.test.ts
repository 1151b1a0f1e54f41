import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { copyDatabaseName } from '../../src/source/copy-database-name';

describe('copyDatabaseName', () => {
  test('<database>_bacpac_<first 8 letters and digits of the run id>', () => {
    assert.equal(copyDatabaseName('Sales', '3f2a9c1d-77b0-4c6e-9a51-0d2e4f6a8b10'), 'Sales_bacpac_3f2a9c1d');
    assert.equal(copyDatabaseName('Sales', 'run-0001'), 'Sales_bacpac_run0001');
    assert.equal(copyDatabaseName('My DB', 'A1-B2'), 'My DB_bacpac_a1b2');
  });

  test('the same database and run always give the same name', () => {
    const runId = '0d2e4f6a-0000-4000-8000-000000000000';
    assert.equal(copyDatabaseName('Orders', runId), copyDatabaseName('Orders', runId));
    assert.notEqual(copyDatabaseName('Orders', runId), copyDatabaseName('Orders', `1${runId.slice(1)}`));
  });

  test('a 128-character database name is shortened so the copy name is exactly 128 characters', () => {
    const name = copyDatabaseName('d'.repeat(128), '3f2a9c1d-77b0');
    assert.equal(name.length, 128);
    assert.equal(name, `${'d'.repeat(112)}_bacpac_3f2a9c1d`);
  });

  test('shortening never splits a surrogate pair', () => {
    const database = `${'d'.repeat(111)}\u{1F600}tail`;
    const name = copyDatabaseName(database, '3f2a9c1d');
    assert.equal(name, `${'d'.repeat(111)}_bacpac_3f2a9c1d`);
    assert.equal(name.length, 127);
  });

  test('a run id without letters or digits is refused', () => {
    assert.throws(() => copyDatabaseName('Sales', '---'), { message: /^\[COPY_NAME_INVALID\] run id "---"/ });
  });
});
