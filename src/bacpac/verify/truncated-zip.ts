import type { RandomAccessSource } from '../zip';

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const FLAG_DATA_DESCRIPTOR = 0x0008;

/**
 * When the central directory cannot be read, walks the local headers from the start of the file to
 * say where an archive that was cut short ends: which entries are complete and which entry the file
 * ends inside. Returns undefined when the walk cannot tell (no local header at offset 0, an entry with
 * a data descriptor or ZIP64 sizes, or every entry complete).
 */
export async function describeCutShort(source: RandomAccessSource): Promise<string | undefined> {
  let offset = 0;
  let complete = 0;
  while (offset + LOCAL_HEADER_SIZE <= source.size) {
    const header = await source.read(offset, LOCAL_HEADER_SIZE);
    if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) return undefined;
    const flags = header.readUInt16LE(6);
    const compressedSize = header.readUInt32LE(18);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const nameEnd = Math.min(offset + LOCAL_HEADER_SIZE + nameLength, source.size);
    const name = (
      await source.read(offset + LOCAL_HEADER_SIZE, nameEnd - offset - LOCAL_HEADER_SIZE)
    ).toString(flags & 0x0800 ? 'utf8' : 'latin1');
    if (flags & FLAG_DATA_DESCRIPTOR || compressedSize === 0xffffffff) return undefined;
    const end = offset + LOCAL_HEADER_SIZE + nameLength + extraLength + compressedSize;
    if (end > source.size) {
      return (
        `the file (${source.size} bytes) ends inside entry "${name}", whose data runs to byte ${end}; ` +
        `${complete} entries before it are complete`
      );
    }
    complete += 1;
    offset = end;
  }
  return undefined;
}
