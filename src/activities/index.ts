import type { ActivityImplementations } from '../orchestration/contracts';
import { assembleBacpac } from './assemble-bacpac';
import { cleanupStaging } from './cleanup-staging';
import { databaseCopyStatus, dropDatabaseCopy, startDatabaseCopy } from './database-copy';
import type { ExportEnvironment } from './environment';
import { exportPart } from './export-part';
import { planExport } from './plan-export';

export type { ExportEnvironment } from './environment';
export type { DatabaseCopyOps, DatabaseCopyState } from '../source/database-copy-ops';
export type { ExportPlan } from './plan-document';
export { RUN_METADATA_KEY } from './assemble-bacpac';

/** The export activities bound to one environment, in the shape the Functions layer registers. */
export function createActivities(env: ExportEnvironment): ActivityImplementations {
  return {
    planExport: (input) => planExport(input, env),
    exportPart: (input) => exportPart(input, env),
    assembleBacpac: (input) => assembleBacpac(input, env),
    cleanupStaging: (input) => cleanupStaging(input, env),
    startDatabaseCopy: (input) => startDatabaseCopy(input, env),
    databaseCopyStatus: (input) => databaseCopyStatus(input, env),
    dropDatabaseCopy: (input) => dropDatabaseCopy(input, env),
  };
}
