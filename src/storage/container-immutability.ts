import {
  ContainerClient,
  type BlockBlobClient,
  type ContainerGetPropertiesResponse,
} from '@azure/storage-blob';

/**
 * Why a container's blobs cannot be deleted at will (a time-based retention policy, a legal hold,
 * or version-level immutability), or undefined when they can.
 */
export function immutabilityOf(
  properties: Pick<
    ContainerGetPropertiesResponse,
    'hasImmutabilityPolicy' | 'hasLegalHold' | 'isImmutableStorageWithVersioningEnabled'
  >,
): string | undefined {
  if (properties.hasLegalHold === true) return 'the container has a legal hold';
  if (properties.hasImmutabilityPolicy === true) return 'the container has an immutability policy';
  if (properties.isImmutableStorageWithVersioningEnabled === true) {
    return 'the container has version-level immutability';
  }
  return undefined;
}

/**
 * The container of a blob client, with the same credential: the blob URL's path without the blob
 * name (`/<container>` on account host names, `/<account>/<container>` on IP-style endpoints).
 */
export function containerOf(blob: BlockBlobClient): ContainerClient {
  const url = new URL(blob.url);
  const segments = url.pathname.split('/');
  const pathStyle = segments[1] === blob.accountName && segments[2] === blob.containerName;
  url.pathname = pathStyle ? `/${blob.accountName}/${blob.containerName}` : `/${blob.containerName}`;
  return new ContainerClient(url.toString(), blob.credential);
}
