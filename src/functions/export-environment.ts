import type { ExportEnvironment } from '../activities';
import type { AppConfig } from '../config';
import { sqlSourceFor, type SqlSourceSettings } from '../source/source-for-request';
import { sqlDatabaseCopies } from '../source/sql-database-copies';
import { createBlobBacpacTarget } from '../storage/blob-bacpac-target';
import { createBlobStagingStore } from '../storage/blob-staging-store';
import { accountServices } from './account-services';

/**
 * The activities' environment inside the Functions host: staging in the app storage account, the
 * SQL Server source named by each request, Azure SQL Database copies for `consistency: "copy"`, and
 * block-blob targets (the app's account with its own credential, other allowed accounts with the
 * managed identity).
 */
export function exportEnvironmentFromConfig(
  config: AppConfig,
  settings: Readonly<Record<string, string | undefined>>,
): ExportEnvironment {
  const { app: appService, serviceFor } = accountServices(config);
  const sql: SqlSourceSettings = {
    settings,
    ...(config.sql.managedIdentityClientId
      ? { managedIdentityClientId: config.sql.managedIdentityClientId }
      : {}),
    connectTimeoutSeconds: config.sql.connectTimeoutSeconds,
    commandTimeoutSeconds: config.sql.commandTimeoutSeconds,
  };
  return {
    staging: createBlobStagingStore(appService, config.stagingContainer),
    openSource: (spec, { consistency }) =>
      new Promise((resolve) => resolve(sqlSourceFor(spec, consistency, sql))),
    databaseCopies: sqlDatabaseCopies(sql),
    openTarget: (spec) =>
      createBlobBacpacTarget(
        serviceFor(spec.accountUrl).getContainerClient(spec.container).getBlockBlobClient(spec.blobName),
      ),
    now: () => new Date(),
  };
}
