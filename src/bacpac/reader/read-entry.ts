import { openEntryStream, type ZipArchive, type ZipEntry } from '../zip';
import { ReaderErrorCode, readerError } from './reader-error';

/** The largest metadata part (Origin.xml, DacMetadata.xml, the OPC parts) read whole into memory. */
export const MAX_METADATA_PART_BYTES = 16 * 1024 * 1024;

/**
 * Reads a small part whole, decompressed and checked against its CRC-32. Refuses a part whose
 * declared size is above `maxBytes`, so a damaged or hostile package cannot make the reader
 * allocate without bound.
 */
export async function readEntryBytes(
  zip: ZipArchive,
  entry: ZipEntry,
  maxBytes = MAX_METADATA_PART_BYTES,
): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw readerError(
      ReaderErrorCode.PartTooLarge,
      `part ${entry.name}: ${entry.uncompressedSize} bytes declared, at most ${maxBytes} expected for a metadata part`,
      { part: entry.name },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of openEntryStream(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
