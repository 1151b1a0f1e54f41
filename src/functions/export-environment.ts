import type { BlobServiceClient } from '@azure/storage-blob';
import type { ExportEnvironment } from '../activities';
import { normaliseAccountUrl } from '../api/app-account-url';
import type { AppConfig } from '../config';
import { sqlSourceFor } from '../source/source-for-request';
import { createBlobBacpacTarget } from '../storage/blob-bacpac-target';
import { createBlobStagingStore } from '../storage/blob-staging-store';
import { blobServiceFromUrl, createBlobServiceClient, storageCredential } from '../storage/clients';

/**
 * The activities' environment inside the Functions host: staging in the app storage account, the
 * SQL Server source named by each request, and block-blob targets (the app's account with its own
 * credential, other allowed accounts with the managed identity).
 */
export function exportEnvironmentFromConfig(
  config: AppConfig,
  settings: Readonly<Record<string, string | undefined>>,
): ExportEnvironment {
  const appService = createBlobServiceClient(config.storage);
  const appAccountUrl = normaliseAccountUrl(appService.url).toLowerCase();
  const others = new Map<string, BlobServiceClient>();
  const serviceFor = (accountUrl: string): BlobServiceClient => {
    if (normaliseAccountUrl(accountUrl).toLowerCase() === appAccountUrl) return appService;
    let service = others.get(accountUrl);
    if (service === undefined) {
      service = blobServiceFromUrl(
        accountUrl,
        storageCredential(config.sql.managedIdentityClientId),
        'target.accountUrl',
      );
      others.set(accountUrl, service);
    }
    return service;
  };
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
