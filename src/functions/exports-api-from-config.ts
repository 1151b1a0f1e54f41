import { randomUUID } from 'node:crypto';
import type { BlobServiceClient } from '@azure/storage-blob';
import { normaliseAccountUrl } from '../api/app-account-url';
import type { AppConfig } from '../config';
import { DEFAULT_CANCEL_GRACE_SECONDS, pipelineSettings } from '../orchestration/orchestration-input';
import { blobServiceFromUrl, createBlobServiceClient, storageCredential } from '../storage/clients';
import type { ExportsApi } from './http/exports-api';

/** The export API's dependencies from the app configuration: the app storage account and settings. */
export function exportsApiFromConfig(
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
): ExportsApi {
  const appService = createBlobServiceClient(config.storage);
  const appAccountUrl = normaliseAccountUrl(appService.url);
  const others = new Map<string, BlobServiceClient>();
  const serviceFor = (accountUrl: string): BlobServiceClient => {
    if (accountUrl.toLowerCase() === appAccountUrl.toLowerCase()) return appService;
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
    defaults: { appAccountUrl, ...config.defaults },
    allowList: {
      appAccountUrl,
      ...(config.allowedSourceServers === undefined ? {} : { sourceServers: config.allowedSourceServers }),
      ...(config.allowedTargets === undefined ? {} : { targets: config.allowedTargets }),
    },
    pipeline: pipelineSettings(config.defaults.partRetryAttempts),
    cancelGraceSeconds: DEFAULT_CANCEL_GRACE_SECONDS,
    staging: appService.getContainerClient(config.stagingContainer),
    targetContainer: (target) => serviceFor(target.accountUrl).getContainerClient(target.container),
    hasSetting: (name) => (env[name] ?? '') !== '',
    newRunId: () => randomUUID(),
  };
}
