import type { ExportEnvironment } from '../activities';
import type { AppConfig } from '../config';
import { sqlSourceFor } from '../source/source-for-request';
import { createBlobBacpacTarget } from '../storage/blob-bacpac-target';
import { createBlobStagingStore } from '../storage/blob-staging-store';
import { accountServices } from './account-services';

/**
 * The activities' environment inside the Functions host: staging in the app storage account, the
 * SQL Server source named by each request, and block-blob targets (the app's account with its own
 * credential, other allowed accounts with the managed identity).
 */
export function exportEnvironmentFromConfig(
  config: AppConfig,
  settings: Readonly<Record<string, string | undefined>>,
): ExportEnvironment {
  const { app: appService, serviceFor } = accountServices(config);
  return {
    staging: createBlobStagingStore(appService, config.stagingContainer),
    openSource: (spec, { consistency }) =>
      new Promise((resolve) =>
        resolve(
          sqlSourceFor(spec, consistency, {
            settings,
            ...(config.sql.managedIdentityClientId
              ? { managedIdentityClientId: config.sql.managedIdentityClientId }
              : {}),
            connectTimeoutSeconds: config.sql.connectTimeoutSeconds,
            commandTimeoutSeconds: config.sql.commandTimeoutSeconds,
          }),
        ),
      ),
    openTarget: (spec) =>
      createBlobBacpacTarget(
        serviceFor(spec.accountUrl).getContainerClient(spec.container).getBlockBlobClient(spec.blobName),
      ),
    now: () => new Date(),
  };
}
