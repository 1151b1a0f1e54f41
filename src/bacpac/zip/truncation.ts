import type { BlockReader } from './block-reader';
import {
  CENTRAL_DIRECTORY_HEADER_SIGNATURE,
  FLAG_DATA_DESCRIPTOR,
  FLAG_UTF8,
  LOCAL_FILE_HEADER_SIGNATURE,
  LOCAL_FILE_HEADER_SIZE,
} from './constants';
import { decodeCp437 } from './cp437';
import { applyZip64ExtraField, parseExtraFields } from './extra-fields';

export interface TruncationPlace {
  readonly text: string;
  /** The entry whose header or data the archive ends inside, when that can be told. */
  readonly entry?: string;
}

/**
 * When the end records are missing, walks the local headers from the start of the archive to say where
 * it was cut: inside which entry, or inside the central directory. Only possible while local headers
 * carry their sizes (no data descriptors), which is the case in every real BACPAC.
 */
export async function describeTruncation(reader: BlockReader): Promise<TruncationPlace> {
  const size = reader.source.size;
  let offset = 0;
  let count = 0;
  while (offset + 4 <= size) {
    const signature = (await reader.read(offset, 4)).readUInt32LE(0);
    if (signature === CENTRAL_DIRECTORY_HEADER_SIGNATURE) {
      return { text: `the archive ends inside the central directory that follows the ${count} entries` };
    }
    if (signature !== LOCAL_FILE_HEADER_SIGNATURE) break;
    if (offset + LOCAL_FILE_HEADER_SIZE > size) {
      return { text: `the archive ends inside the local header of entry ${count + 1} at offset ${offset}` };
    }
    const header = await reader.read(offset, LOCAL_FILE_HEADER_SIZE);
    const flags = header.readUInt16LE(6);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const dataOffset = offset + LOCAL_FILE_HEADER_SIZE + nameLength + extraLength;
    const nameEnd = Math.min(size, offset + LOCAL_FILE_HEADER_SIZE + nameLength);
    const rawName = await reader.read(
      offset + LOCAL_FILE_HEADER_SIZE,
      nameEnd - offset - LOCAL_FILE_HEADER_SIZE,
    );
    const name = flags & FLAG_UTF8 ? rawName.toString('utf8') : decodeCp437(rawName);
    if (dataOffset > size) {
      return {
        text: `the archive ends inside the local header of entry "${name}" at offset ${offset}`,
        entry: name,
      };
    }
    if (flags & FLAG_DATA_DESCRIPTOR) break;
    const sizes = { uncompressedSize: header.readUInt32LE(22), compressedSize: header.readUInt32LE(18) };
    const extra = await reader.read(dataOffset - extraLength, extraLength);
    try {
      applyZip64ExtraField(parseExtraFields(extra), sizes, `local header of entry "${name}"`);
    } catch {
      break; // a damaged ZIP64 field: stop describing rather than report a second problem
    }
    const dataEnd = dataOffset + sizes.compressedSize;
    if (dataEnd > size) {
      return {
        text:
          `the archive ends inside the data of entry "${name}": its ${sizes.compressedSize} stored bytes ` +
          `span offsets ${dataOffset}..${dataEnd}, the archive has ${size} bytes`,
        entry: name,
      };
    }
    offset = dataEnd;
    count++;
  }
  return { text: `the archive is cut short or is not a ZIP archive (${count} complete entries found)` };
}
