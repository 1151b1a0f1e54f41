import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { StorageError } from './errors';
import { redactUrl } from './redact-url';

/**
 * How to reach a storage account's blob service; structurally the app settings' storage section.
 * Exactly one of `connectionString` (key-based, including `UseDevelopmentStorage=true`) and
 * `blobServiceUrl` (identity-based) is used; the connection string wins when both are present.
 */
export interface BlobAccountSettings {
  readonly connectionString?: string;
  readonly blobServiceUrl?: string;
  /** Client id of a user-assigned managed identity for `blobServiceUrl`. */
  readonly clientId?: string;
}

/**
 * The identity for token-based access: the user-assigned managed identity `clientId` when given,
 * otherwise DefaultAzureCredential (system-assigned managed identity in Azure, developer sign-in locally).
 */
export function storageCredential(clientId?: string): TokenCredential {
  return clientId !== undefined && clientId !== ''
    ? new ManagedIdentityCredential({ clientId })
    : new DefaultAzureCredential();
}

/** A client from a storage connection string. Errors never repeat the string: it holds the key. */
export function blobServiceFromConnectionString(
  connectionString: string,
  field = 'AzureWebJobsStorage',
): BlobServiceClient {
  try {
    return BlobServiceClient.fromConnectionString(connectionString);
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'unknown error';
    throw new StorageError(
      'STORAGE_INVALID_SETTING',
      `${field}: not a usable storage connection string (${reason}); expected AccountName=...;AccountKey=... or BlobEndpoint=..., or UseDevelopmentStorage=true`,
    );
  }
}

/**
 * A client for a blob service URL (`https://<account>.blob.core.windows.net`) with a token credential.
 * The URL must not carry a query string: a SAS there would be a secret in settings and logs.
 */
export function blobServiceFromUrl(
  blobServiceUrl: string,
  credential: TokenCredential,
  field = 'AzureWebJobsStorage__blobServiceUri',
): BlobServiceClient {
  let url: URL;
  try {
    url = new URL(blobServiceUrl);
  } catch {
    throw new StorageError(
      'STORAGE_INVALID_SETTING',
      `${field}: expected an https URL of a blob service, found an unparseable value`,
    );
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:')
    problems.push(`the scheme must be https, found ${url.protocol.replace(/:$/, '')}`);
  if (url.search !== '') problems.push('it must not carry a query string (a SAS belongs in no setting)');
  if (url.username !== '' || url.password !== '') problems.push('it must not carry user information');
  if (problems.length > 0) {
    throw new StorageError(
      'STORAGE_INVALID_SETTING',
      `${field} ${redactUrl(blobServiceUrl)}: ${problems.join('; ')}`,
    );
  }
  return new BlobServiceClient(url.toString().replace(/\/+$/, ''), credential);
}

/** A client for the account `settings` describe; `credential` overrides the identity for URL access. */
export function createBlobServiceClient(
  settings: BlobAccountSettings,
  credential?: TokenCredential,
): BlobServiceClient {
  if (settings.connectionString !== undefined && settings.connectionString !== '') {
    return blobServiceFromConnectionString(settings.connectionString);
  }
  if (settings.blobServiceUrl !== undefined && settings.blobServiceUrl !== '') {
    return blobServiceFromUrl(settings.blobServiceUrl, credential ?? storageCredential(settings.clientId));
  }
  throw new StorageError(
    'STORAGE_INVALID_SETTING',
    'storage account: neither a connection string nor a blob service URL is configured',
  );
}

/** The client's endpoint for logs: scheme, host and path, never a query string. */
export function describeBlobService(client: BlobServiceClient): string {
  return redactUrl(client.url);
}
