import { BacpacError } from '../bacpac/errors';
import type {
  DatabaseCopyRef,
  DatabaseCopyStatus,
  DropDatabaseCopyResult,
  StartDatabaseCopyInput,
  StartDatabaseCopyResult,
} from '../orchestration/copy-contracts';
import { copyDatabaseName } from '../source/copy-database-name';
import { ENGINE_EDITION_AZURE_SQL_DATABASE } from '../source/mssql/dsp-name';
import { withContext } from './activity-error';
import type { DatabaseCopyOps } from '../source/database-copy-ops';
import type { ExportEnvironment } from './environment';

const EDITION_NAMES: Readonly<Record<number, string>> = {
  1: 'Personal or Desktop Engine',
  2: 'Standard',
  3: 'Enterprise',
  4: 'Express',
  5: 'Azure SQL Database',
  6: 'Azure Synapse Analytics',
  8: 'Azure SQL Managed Instance',
  9: 'Azure SQL Edge',
  11: 'Azure Synapse serverless SQL pool',
  12: 'Microsoft Fabric SQL database',
};

function copiesOf(env: ExportEnvironment, server: string): DatabaseCopyOps {
  if (env.databaseCopies === undefined) {
    throw new BacpacError(
      'CONSISTENCY_UNSUPPORTED',
      `consistency "copy" is not available on ${server} here: this environment cannot create database copies`,
    );
  }
  return env.databaseCopies;
}

/**
 * startDatabaseCopy: checks that the server is Azure SQL Database (engine edition 5) before anything
 * is created, then starts the copy under its deterministic name. Running it again for the same run
 * finds the copy already started.
 */
export async function startDatabaseCopy(
  input: StartDatabaseCopyInput,
  env: ExportEnvironment,
): Promise<StartDatabaseCopyResult> {
  const { server, database } = input.source;
  const where = `${server}/${database}`;
  try {
    const copies = copiesOf(env, server);
    const edition = await copies.engineEdition(input.source);
    if (edition !== ENGINE_EDITION_AZURE_SQL_DATABASE) {
      throw new BacpacError(
        'CONSISTENCY_UNSUPPORTED',
        `consistency "copy" needs Azure SQL Database (engine edition 5), found engine edition ` +
          `${edition} (${EDITION_NAMES[edition] ?? 'unknown'}); use "snapshot" or "none"`,
        { server, engineEdition: edition },
      );
    }
    const copyDatabase = copyDatabaseName(database, input.runId);
    const { sourceDatabase } = await copies.start(input.source, copyDatabase);
    return { copyDatabase, sourceDatabase };
  } catch (err) {
    throw withContext(err, where, 'COPY_START_FAILED');
  }
}

/** databaseCopyStatus: copying (with percent when known), online, or failed with the server's reason. */
export async function databaseCopyStatus(
  input: DatabaseCopyRef,
  env: ExportEnvironment,
): Promise<DatabaseCopyStatus> {
  try {
    const state = await copiesOf(env, input.source.server).status(input.source, input.copyDatabase);
    switch (state.state) {
      case 'copying':
        return state.percent === undefined
          ? { state: 'copying' }
          : { state: 'copying', percent: state.percent };
      case 'online':
        return { state: 'online' };
      case 'failed':
        return { state: 'failed', message: state.message };
    }
  } catch (err) {
    throw withContext(err, `copy ${input.source.server}/${input.copyDatabase}`, 'COPY_STATUS_FAILED');
  }
}

/** dropDatabaseCopy: drops the copy, also one still seeding; a copy that is gone already is success. */
export async function dropDatabaseCopy(
  input: DatabaseCopyRef,
  env: ExportEnvironment,
): Promise<DropDatabaseCopyResult> {
  try {
    await copiesOf(env, input.source.server).drop(input.source, input.copyDatabase);
    return { copyDatabase: input.copyDatabase };
  } catch (err) {
    throw withContext(err, `copy ${input.source.server}/${input.copyDatabase}`, 'COPY_DROP_FAILED');
  }
}
