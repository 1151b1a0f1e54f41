import type { BlockReader } from './block-reader';
import {
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  MAX_COMMENT_LENGTH,
  ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIGNATURE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE,
} from './constants';
import { ZipErrorCode, zipError } from './error-codes';
import { describeTruncation } from './truncation';
import { readUInt64AsNumber } from './uint64';

/** What the end records say about the central directory. */
export interface EndOfCentralDirectory {
  readonly entryCount: number;
  readonly centralDirectoryOffset: number;
  readonly centralDirectorySize: number;
  /** Where the records after the central directory begin (the ZIP64 record if any, else the EOCD). */
  readonly endRecordsOffset: number;
  readonly zip64: boolean;
  readonly comment: Buffer;
}

function checkSingleDisk(disk: number, cdDisk: number): void {
  if (disk !== 0 || cdDisk !== 0) {
    throw zipError(
      ZipErrorCode.Unsupported,
      `end of central directory names disk ${disk} (central directory on disk ${cdDisk}); ` +
        'expected a single-disk archive (disk 0)',
    );
  }
}

/** Searches backwards for the end record whose comment length reaches exactly the end of the source. */
async function findEndRecord(reader: BlockReader): Promise<{ offset: number; record: Buffer }> {
  const size = reader.source.size;
  const tailLength = Math.min(size, END_OF_CENTRAL_DIRECTORY_SIZE + MAX_COMMENT_LENGTH);
  const tail = await reader.source.read(size - tailLength, tailLength);
  for (let i = tailLength - END_OF_CENTRAL_DIRECTORY_SIZE; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY_SIGNATURE &&
      tail.readUInt16LE(i + 20) === tailLength - i - END_OF_CENTRAL_DIRECTORY_SIZE
    ) {
      return { offset: size - tailLength + i, record: tail.subarray(i) };
    }
  }
  const where = await describeTruncation(reader);
  throw zipError(
    ZipErrorCode.Truncated,
    `no end of central directory record in the last ${tailLength} bytes of a ${size}-byte archive; ${where.text}`,
    { entry: where.entry },
  );
}

/** Reads the end of central directory record, and the ZIP64 records when a locator precedes it. */
export async function readEndOfCentralDirectory(reader: BlockReader): Promise<EndOfCentralDirectory> {
  const { offset: eocdOffset, record } = await findEndRecord(reader);
  checkSingleDisk(record.readUInt16LE(4), record.readUInt16LE(6));
  const comment = Buffer.from(record.subarray(END_OF_CENTRAL_DIRECTORY_SIZE));
  const locatorOffset = eocdOffset - ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE;
  const locator =
    locatorOffset >= 0
      ? await reader.read(locatorOffset, ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE)
      : undefined;
  if (locator === undefined || locator.readUInt32LE(0) !== ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIGNATURE) {
    return {
      entryCount: record.readUInt16LE(10),
      centralDirectorySize: record.readUInt32LE(12),
      centralDirectoryOffset: record.readUInt32LE(16),
      endRecordsOffset: eocdOffset,
      zip64: false,
      comment,
    };
  }
  const zip64Offset = readUInt64AsNumber(locator, 8, 'ZIP64 end of central directory offset');
  if (zip64Offset + ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE > locatorOffset) {
    throw zipError(
      ZipErrorCode.Truncated,
      `ZIP64 end of central directory locator points at offset ${zip64Offset}, which leaves no room for ` +
        `the ${ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE}-byte record before the locator at ${locatorOffset}`,
    );
  }
  const zip64 = await reader.read(zip64Offset, ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE);
  const signature = zip64.readUInt32LE(0);
  if (signature !== ZIP64_END_OF_CENTRAL_DIRECTORY_SIGNATURE) {
    throw zipError(
      ZipErrorCode.BadSignature,
      `ZIP64 end of central directory record at offset ${zip64Offset}: expected signature 0x06064b50, ` +
        `found 0x${signature.toString(16).padStart(8, '0')}`,
    );
  }
  checkSingleDisk(zip64.readUInt32LE(16), zip64.readUInt32LE(20));
  return {
    entryCount: readUInt64AsNumber(zip64, 32, 'ZIP64 entry count'),
    centralDirectorySize: readUInt64AsNumber(zip64, 40, 'ZIP64 central directory size'),
    centralDirectoryOffset: readUInt64AsNumber(zip64, 48, 'ZIP64 central directory offset'),
    endRecordsOffset: zip64Offset,
    zip64: true,
    comment,
  };
}
