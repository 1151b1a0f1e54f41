/**
 * The ZIP layer of the BACPAC library: a writer that lays out every header from entry metadata alone
 * (so parts can be compressed elsewhere and assembled later), and a streaming, verifying reader.
 */
export { ZipErrorCode } from './error-codes';
export type { ZipMethod, ZipEntryMeta } from './entry-meta';
export { encodeEntryName } from './entry-name';
export { toDosDateTime, fromDosDateTime, type DosDateTime } from './dos-time';
export type { EntryRecordFields } from './entry-record-fields';
export { buildLocalFileHeader } from './local-file-header';
export { buildCentralDirectoryHeader } from './central-directory-header';
export { buildZip64ExtraField } from './zip64-extra-field';
export {
  buildEndOfCentralDirectory,
  buildZip64EndOfCentralDirectory,
  buildZip64EndOfCentralDirectoryLocator,
  type CentralDirectoryLocation,
} from './end-records';
export {
  layoutZip,
  ZipLayoutBuilder,
  type ZipLayout,
  type ZipLayoutOptions,
  type ZipEntryLayout,
  type ZipTrailerLayout,
} from './layout';
export {
  createEntryCompressor,
  EntryCompressor,
  type EntryCompressorOptions,
  type EntryCompressorResult,
} from './entry-compressor';
export { prepareBufferEntry, type PreparedEntry } from './prepared-entry';
export { writeZip, type WriteZipOptions } from './writer';
export { fileSource, bufferSource, type RandomAccessSource } from './random-access-source';
export { openZip, type ZipArchive } from './reader';
export type { ZipEntry } from './zip-entry';
export { openEntryStream, openRawEntryStream } from './entry-stream';
