import { BacpacError } from '../bacpac/errors';

/**
 * The error the Blob Storage layer throws. It is a BacpacError, so the `[CODE]` prefix is in the message
 * text and `errorCodeOf` reads it back after the error has crossed a text-only boundary.
 *
 * Codes:
 * - STORAGE_INVALID_NAME      a container or blob name breaks Azure's or the product's naming rules
 * - TARGET_EXISTS             the target blob already exists and overwrite was not requested
 * - STORAGE_INVALID_RANGE     a byte range is negative, empty, too large or outside the blob
 * - STORAGE_COPY_FAILED       the service could not copy a range from a source URL (Put Block From URL)
 * - STORAGE_TOO_MANY_BLOCKS   a block blob would need more than 50,000 blocks
 * - STORAGE_SOURCE_CHANGED    a blob being read changed (its ETag moved) between reads
 * - STORAGE_NO_SAS_CREDENTIAL a SAS was requested from a client that holds neither a key nor a token credential
 * - STORAGE_INVALID_SETTING   a connection setting is malformed (the message never repeats secrets)
 * - TARGET_BLOCKS_LOST        blocks an export wrote into its target were dropped by another commit of the blob
 * - STORAGE_WRITER_CLOSED     bytes were written to a staged-blob writer after it failed or was destroyed
 */
export class StorageError extends BacpacError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
    this.name = 'StorageError';
  }
}

/** True for an Azure SDK `RestError` (or anything shaped like one) with the given HTTP status. */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return false;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && statuses.includes(status);
}

/** The service's error code of an Azure SDK `RestError` (e.g. `InvalidBlockList`), if it has one. */
export function serviceCodeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
