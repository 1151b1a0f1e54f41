import type { RandomAccessSource } from './random-access-source';

/** Reads are made in blocks of this size (or less at the end of the source). */
export const READ_BLOCK_SIZE = 1 << 20;

/**
 * Small reads (headers, records) served from one cached block of the source, so that walking the
 * central directory and the local headers of packed entries costs few reads of the source even when
 * each read is a network range request. Larger reads go straight to the source.
 */
export class BlockReader {
  private blockStart = 0;
  private block: Buffer = Buffer.alloc(0);

  constructor(
    readonly source: RandomAccessSource,
    private readonly blockSize: number = READ_BLOCK_SIZE,
  ) {}

  /** `length` bytes at `offset`; the caller has checked that they lie within the source. */
  async read(offset: number, length: number): Promise<Buffer> {
    if (offset >= this.blockStart && offset + length <= this.blockStart + this.block.length) {
      return this.block.subarray(offset - this.blockStart, offset - this.blockStart + length);
    }
    if (length > this.blockSize) return this.source.read(offset, length);
    const blockLength = Math.min(this.blockSize, this.source.size - offset);
    this.block = await this.source.read(offset, blockLength);
    this.blockStart = offset;
    return this.block.subarray(0, length);
  }
}
