import { BlobSASPermissions, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { BlobClient, BlobServiceClient, UserDelegationKey } from '@azure/storage-blob';
import { StorageError } from './errors';

export interface ReadSasOptions {
  /** Minutes the SAS stays valid. Default 60; at most 7 days (the user delegation key limit). */
  readonly expiresInMinutes?: number;
  /** The current time; a test can fix it. */
  readonly now?: Date;
}

/** The part of a BlobServiceClient a user delegation SAS needs. */
export type DelegationKeySource = Pick<BlobServiceClient, 'getUserDelegationKey'>;

const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_MINUTES = 7 * 24 * 60;

/**
 * A short-lived read-only SAS URL for `blob`, for the service itself to read from (Put Block From URL).
 * With a shared-key client it is a service SAS signed with the account key; with a token credential
 * (managed identity) it is a user delegation SAS, signed with a key from `service`. The start time is
 * set back five minutes to absorb clock skew. An anonymous client cannot sign: STORAGE_NO_SAS_CREDENTIAL.
 */
export async function createReadSasUrl(
  blob: BlobClient,
  service: DelegationKeySource,
  options: ReadSasOptions = {},
): Promise<string> {
  const minutes = options.expiresInMinutes ?? 60;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_MINUTES) {
    throw new StorageError(
      'STORAGE_INVALID_SETTING',
      `SAS lifetime must be above 0 and at most ${MAX_MINUTES} minutes, found ${minutes}`,
    );
  }
  const now = options.now ?? new Date();
  const startsOn = new Date(now.getTime() - CLOCK_SKEW_MS);
  const expiresOn = new Date(now.getTime() + minutes * 60_000);
  const sasOptions = { permissions: BlobSASPermissions.parse('r'), startsOn, expiresOn };

  const credential = blob.credential;
  if (credential instanceof StorageSharedKeyCredential) return blob.generateSasUrl(sasOptions);
  if ('getToken' in credential && typeof credential.getToken === 'function') {
    const key: UserDelegationKey = await service.getUserDelegationKey(startsOn, expiresOn);
    return blob.generateUserDelegationSasUrl(sasOptions, key);
  }
  throw new StorageError(
    'STORAGE_NO_SAS_CREDENTIAL',
    `${blob.containerName}/${blob.name}: cannot sign a SAS without an account key or a token credential`,
  );
}
