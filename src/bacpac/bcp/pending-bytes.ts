import type { RowDecoder } from './row-decoder';

/**
 * Bytes of a BCP stream received but not yet decoded, for a streaming reader of rows: chunks are
 * joined only once there are as many as the decoder needs for its next attempt (a large value spread
 * over many chunks is joined once), and what follows the last whole row is kept for the next chunk.
 */
export class PendingBytes {
  private chunks: Buffer[] = [];
  /** Bytes held: the start of a row not yet complete. */
  length = 0;

  constructor(private readonly decoder: RowDecoder) {}

  /** Adds a chunk; returns all held bytes in one buffer when the decoder can use them, else undefined. */
  add(chunk: Buffer): Buffer | undefined {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.length < this.decoder.need) return undefined;
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
  }

  /** Keeps the bytes of `buf` from `offset` on (the row in progress); none left resets the decoder's need. */
  keepFrom(buf: Buffer, offset: number): void {
    if (offset < buf.length) {
      this.chunks = [offset === 0 ? buf : Buffer.from(buf.subarray(offset))];
      this.length = buf.length - offset;
    } else {
      this.chunks = [];
      this.length = 0;
      this.decoder.need = 0;
    }
  }
}
