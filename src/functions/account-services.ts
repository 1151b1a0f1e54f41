import type { BlobServiceClient } from '@azure/storage-blob';
import { normaliseAccountUrl } from '../api/app-account-url';
import type { AppConfig } from '../config';
import { blobServiceFromUrl, createBlobServiceClient, storageCredential } from '../storage/clients';

export interface AccountServices {
  /** The app storage account (staging, and the default target). */
  readonly app: BlobServiceClient;
  /** Its normalised blob service URL. */
  readonly appAccountUrl: string;
  /** The app account for its own URL; other accounts through the managed identity, one client each. */
  readonly serviceFor: (accountUrl: string) => BlobServiceClient;
}

/** Blob service clients for the app's account and for the other target accounts requests name. */
export function accountServices(config: AppConfig): AccountServices {
  const app = createBlobServiceClient(config.storage);
  const appAccountUrl = normaliseAccountUrl(app.url);
  const others = new Map<string, BlobServiceClient>();
  return {
    app,
    appAccountUrl,
    serviceFor: (accountUrl) => {
      if (accountUrl.toLowerCase() === appAccountUrl.toLowerCase()) return app;
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
    },
  };
}
