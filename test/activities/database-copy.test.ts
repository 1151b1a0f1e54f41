import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExportSourceSpec } from '../../src/api/export-request';
import type { ExportEnvironment } from '../../src/activities';
import { databaseCopyStatus, dropDatabaseCopy, startDatabaseCopy } from '../../src/activities/database-copy';
import { inMemoryDatabaseCopies, type InMemoryCopies } from './helpers/in-memory-database-copies';

const SOURCE: ExportSourceSpec = {
  server: 'sql1.database.windows.net',
  database: 'Sales',
  authentication: 'managed-identity',
};
const RUN_ID = '3f2a9c1d-77b0-4c6e-9a51-0d2e4f6a8b10';
const COPY = 'Sales_bacpac_3f2a9c1d';

/** The activities use only databaseCopies here; the rest of the environment is never reached. */
function envWith(copies?: InMemoryCopies): ExportEnvironment {
  const unused = (): never => {
    throw new Error('not used by the database-copy activities');
  };
  return {
    staging: undefined as never,
    openSource: unused,
    openTarget: unused,
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...(copies ? { databaseCopies: copies } : {}),
  };
}

describe('database-copy activities', () => {
  test('startDatabaseCopy on Azure SQL Database starts <db>_bacpac_<first 8 of the run id>', async () => {
    const copies = inMemoryDatabaseCopies();
    const result = await startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, envWith(copies));
    assert.deepEqual(result, { copyDatabase: COPY, sourceDatabase: 'Sales' });
    assert.deepEqual(copies.calls, ['engineEdition sql1.database.windows.net', `start Sales -> ${COPY}`]);
  });

  for (const [edition, name] of [
    [3, 'Enterprise'],
    [8, 'Azure SQL Managed Instance'],
  ] as const) {
    test(`startDatabaseCopy refuses engine edition ${edition} before creating anything`, async () => {
      const copies = inMemoryDatabaseCopies({ engineEdition: edition });
      await assert.rejects(startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, envWith(copies)), {
        message:
          '[CONSISTENCY_UNSUPPORTED] sql1.database.windows.net/Sales: consistency ' +
          `"copy" needs Azure SQL Database (engine edition 5), found engine edition ${edition} (${name}); ` +
          'use "snapshot" or "none"',
      });
      assert.deepEqual(copies.calls, ['engineEdition sql1.database.windows.net'], 'no copy was started');
      assert.equal(copies.copies.size, 0);
    });
  }

  test('without database copies in the environment every copy activity is [CONSISTENCY_UNSUPPORTED]', async () => {
    const env = envWith();
    await assert.rejects(startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, env), {
      message:
        /^\[CONSISTENCY_UNSUPPORTED\] sql1\.database\.windows\.net\/Sales: .*cannot create database copies/,
    });
    await assert.rejects(dropDatabaseCopy({ source: SOURCE, copyDatabase: COPY }, env), {
      message: /^\[CONSISTENCY_UNSUPPORTED\] copy sql1\.database\.windows\.net\/Sales_bacpac_3f2a9c1d: /,
    });
  });

  test('databaseCopyStatus reports copying with percent, then online; failed with the reason', async () => {
    const copies = inMemoryDatabaseCopies({ pollsUntilOnline: 1 });
    const env = envWith(copies);
    await startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, env);
    const ref = { source: SOURCE, copyDatabase: COPY };
    assert.deepEqual(await databaseCopyStatus(ref, env), { state: 'copying', percent: 50 });
    assert.deepEqual(await databaseCopyStatus(ref, env), { state: 'online' });
    const failing = envWith(inMemoryDatabaseCopies({ failWith: 'the source database was dropped' }));
    await startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, failing);
    assert.deepEqual(await databaseCopyStatus(ref, failing), {
      state: 'failed',
      message: 'the source database was dropped',
    });
  });

  test('dropDatabaseCopy drops the copy, and dropping it again (or one never made) is success', async () => {
    const copies = inMemoryDatabaseCopies();
    const env = envWith(copies);
    await startDatabaseCopy({ runId: RUN_ID, source: SOURCE }, env);
    const ref = { source: SOURCE, copyDatabase: COPY };
    assert.deepEqual(await dropDatabaseCopy(ref, env), { copyDatabase: COPY });
    assert.equal(copies.copies.size, 0);
    assert.deepEqual(await dropDatabaseCopy(ref, env), { copyDatabase: COPY });
  });

  test('a failing drop keeps the server error code and names the copy', async () => {
    const env = envWith(
      inMemoryDatabaseCopies({ dropError: '[SQL_ERROR] 3702 Cannot drop database because it is in use' }),
    );
    await assert.rejects(dropDatabaseCopy({ source: SOURCE, copyDatabase: COPY }, env), {
      message: `[SQL_ERROR] copy sql1.database.windows.net/${COPY}: 3702 Cannot drop database because it is in use`,
    });
    const uncoded = envWith(inMemoryDatabaseCopies({ dropError: 'socket hang up' }));
    await assert.rejects(dropDatabaseCopy({ source: SOURCE, copyDatabase: COPY }, uncoded), {
      message: `[COPY_DROP_FAILED] copy sql1.database.windows.net/${COPY}: socket hang up`,
    });
  });
});
