/** Reading a BACPAC: the package's parts by role, its metadata, its model, and its table data. */
export { openBacpac, type BacpacPackage } from './open-bacpac';
export { classifyEntries, METADATA_PART_NAMES, type BacpacParts, type MetadataRole } from './part-roles';
export {
  resolveDataParts,
  type DataPart,
  type ResolvedDataParts,
  type UnresolvedDataPart,
} from './data-parts';
export { scanBcpPart, type BcpScanOptions, type BcpScanResult } from './bcp-scan';
export { readEntryBytes, MAX_METADATA_PART_BYTES } from './read-entry';
export { ReaderErrorCode } from './reader-error';
