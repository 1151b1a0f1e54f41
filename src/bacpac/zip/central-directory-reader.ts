import type { BlockReader } from './block-reader';
import { CENTRAL_DIRECTORY_HEADER_SIGNATURE, CENTRAL_DIRECTORY_HEADER_SIZE, FLAG_UTF8 } from './constants';
import { decodeCp437 } from './cp437';
import type { EndOfCentralDirectory } from './end-of-central-directory';
import { ZipErrorCode, zipError } from './error-codes';
import { applyZip64ExtraField, parseExtraFields } from './extra-fields';

/** What a central directory header says about an entry, before its local header is read. */
export interface CentralDirectoryRecord {
  readonly index: number;
  readonly name: string;
  readonly rawName: Buffer;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly extraIds: readonly number[];
  readonly extraLength: number;
  readonly comment: string;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly zip64: boolean;
}

export function decodeName(raw: Buffer, flags: number): string {
  return flags & FLAG_UTF8 ? raw.toString('utf8') : decodeCp437(raw);
}

/** How a cut-short header is named: by its (possibly partial) name, else by the entry before it. */
interface CutShortEntry {
  readonly name?: string;
  readonly partial?: boolean;
  readonly previous?: string;
}

function cutShort(
  index: number,
  count: number,
  what: string,
  needed: number,
  left: number,
  entry: CutShortEntry,
): Error {
  const who =
    entry.name !== undefined
      ? ` ("${entry.name}${entry.partial === true ? '...' : ''}")`
      : entry.previous !== undefined
        ? ` (the one after "${entry.previous}")`
        : '';
  return zipError(
    ZipErrorCode.Truncated,
    `central directory entry ${index + 1} of ${count}${who} is cut short: its ${what} needs ${needed} bytes, ` +
      `${Math.max(left, 0)} remain in the central directory`,
    { entry: entry.name ?? entry.previous, index },
  );
}

/** Reads every central directory header, in order, within the bounds the end records give. */
export async function readCentralDirectory(
  reader: BlockReader,
  end: EndOfCentralDirectory,
): Promise<CentralDirectoryRecord[]> {
  const records: CentralDirectoryRecord[] = [];
  const cdEnd = end.centralDirectoryOffset + end.centralDirectorySize;
  let offset = end.centralDirectoryOffset;
  for (let index = 0; index < end.entryCount; index++) {
    if (offset + CENTRAL_DIRECTORY_HEADER_SIZE > cdEnd) {
      throw cutShort(index, end.entryCount, 'fixed header', CENTRAL_DIRECTORY_HEADER_SIZE, cdEnd - offset, {
        previous: records[index - 1]?.name,
      });
    }
    const header = await reader.read(offset, CENTRAL_DIRECTORY_HEADER_SIZE);
    const signature = header.readUInt32LE(0);
    if (signature !== CENTRAL_DIRECTORY_HEADER_SIGNATURE) {
      throw zipError(
        ZipErrorCode.BadSignature,
        `central directory entry ${index + 1} of ${end.entryCount} at offset ${offset}: expected signature ` +
          `0x02014b50, found 0x${signature.toString(16).padStart(8, '0')}`,
        { index },
      );
    }
    const flags = header.readUInt16LE(8);
    const nameLength = header.readUInt16LE(28);
    const extraLength = header.readUInt16LE(30);
    const commentLength = header.readUInt16LE(32);
    const variableLength = nameLength + extraLength + commentLength;
    const left = cdEnd - offset - CENTRAL_DIRECTORY_HEADER_SIZE;
    if (variableLength > left) {
      const available = Math.max(0, Math.min(nameLength, left));
      const partial = await reader.read(offset + CENTRAL_DIRECTORY_HEADER_SIZE, available);
      throw cutShort(index, end.entryCount, 'name, extra field and comment', variableLength, left, {
        name: decodeName(partial, flags),
        partial: available < nameLength,
      });
    }
    const variable = await reader.read(offset + CENTRAL_DIRECTORY_HEADER_SIZE, variableLength);
    const rawName = Buffer.from(variable.subarray(0, nameLength));
    const name = decodeName(rawName, flags);
    const extras = parseExtraFields(variable.subarray(nameLength, nameLength + extraLength));
    const values = {
      compressedSize: header.readUInt32LE(20),
      uncompressedSize: header.readUInt32LE(24),
      localHeaderOffset: header.readUInt32LE(42),
    };
    const zip64 = applyZip64ExtraField(extras, values, `central directory entry "${name}"`, name);
    records.push({
      index,
      name,
      rawName,
      versionMadeBy: header.readUInt16LE(4),
      versionNeeded: header.readUInt16LE(6),
      flags,
      method: header.readUInt16LE(10),
      dosTime: header.readUInt16LE(12),
      dosDate: header.readUInt16LE(14),
      crc32: header.readUInt32LE(16),
      compressedSize: values.compressedSize,
      uncompressedSize: values.uncompressedSize,
      localHeaderOffset: values.localHeaderOffset,
      extraIds: extras.map((field) => field.id),
      extraLength,
      comment: decodeName(variable.subarray(nameLength + extraLength), flags),
      internalAttributes: header.readUInt16LE(36),
      externalAttributes: header.readUInt32LE(38),
      zip64,
    });
    offset += CENTRAL_DIRECTORY_HEADER_SIZE + variableLength;
  }
  return records;
}
