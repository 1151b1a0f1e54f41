import { Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inspect } from 'node:util';
import type { BlockTarget, CommitOptions } from './block-commit';
import { blockIdFor, commitBlocks, MAX_BLOCK_BYTES, MiB, stageBufferBlock } from './block-commit';
import { StorageError } from './errors';

export interface StagedBlobWriterOptions extends CommitOptions {
  /** Bytes per staged block (the last block may be shorter). Default 8 MiB. */
  readonly blockSize?: number;
  /** Block buffers the writer may hold at once, filling or being staged. Default 3. */
  readonly maxBuffers?: number;
  /**
   * Commit the block list when the stream ends (default true). Without it the blocks stay uncommitted
   * for a later commit that lists them, e.g. with other blocks of the same blob.
   */
  readonly commit?: boolean;
  /** Id of the zero-based block `index` (default `blockIdFor`); every id of a blob must have one length. */
  readonly blockId?: (index: number) => string;
}

export interface StagedBlobResult {
  readonly bytesWritten: number;
  readonly blockCount: number;
  readonly etag: string | undefined;
}

/**
 * A Writable that turns a byte stream into a block blob: bytes are copied into block buffers, each full
 * buffer is staged (Put Block) while the next one fills, and `final()` stages the last partial block and
 * commits the block list (with `If-None-Match: *` unless `overwrite`).
 *
 * Memory rule: the writer owns at most `maxBuffers` buffers of `blockSize` bytes: the one being filled
 * plus those being staged. A buffer returns to the pool when its block is staged; when all are busy the
 * pending write() does not complete, so the producer waits (backpressure). Beyond that the Writable's own
 * queue holds at most its highWaterMark plus one chunk for a producer that honours write()'s result.
 *
 * On error or destroy() the block list is never committed: no blob appears (and an existing blob is not
 * touched); the staged blocks stay uncommitted and the service discards them after a week.
 */
export class StagedBlobWriter extends Writable {
  private readonly blockSize: number;
  private readonly maxBuffers: number;
  private readonly pool: Buffer[] = [];
  private allocated = 0;
  private current: Buffer | undefined;
  private filled = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly blockIds: string[] = [];
  private failure: Error | undefined;
  private written = 0;
  private result: StagedBlobResult | undefined;

  constructor(
    private readonly target: BlockTarget,
    private readonly options: StagedBlobWriterOptions = {},
  ) {
    super();
    this.blockSize = options.blockSize ?? 8 * MiB;
    this.maxBuffers = options.maxBuffers ?? 3;
    const where = `${target.containerName}/${target.name}`;
    if (!Number.isSafeInteger(this.blockSize) || this.blockSize < 1 || this.blockSize > MAX_BLOCK_BYTES) {
      throw new StorageError(
        'STORAGE_INVALID_RANGE',
        `${where}: blockSize must be 1..${MAX_BLOCK_BYTES}, found ${this.blockSize}`,
      );
    }
    if (!Number.isSafeInteger(this.maxBuffers) || this.maxBuffers < 1) {
      throw new StorageError(
        'STORAGE_INVALID_RANGE',
        `${where}: maxBuffers must be a whole number >= 1, found ${this.maxBuffers}`,
      );
    }
  }

  /** Bytes accepted so far (all of them once the stream has finished). */
  get bytesWritten(): number {
    return this.written;
  }

  /** Set once every block is staged (and committed, unless `commit: false`), before 'finish'. */
  get committed(): StagedBlobResult | undefined {
    return this.result;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.accept(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.finish().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.current = undefined;
    this.pool.length = 0;
    // Let requests already sent settle, so nothing is staged after 'close'.
    Promise.allSettled([...this.inFlight]).then(() => callback(error), callback);
  }

  private async accept(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      this.current ??= await this.takeBuffer();
      const copied = chunk.copy(this.current, this.filled, offset);
      offset += copied;
      this.filled += copied;
      this.written += copied;
      if (this.filled === this.blockSize) this.stageCurrent();
    }
  }

  private async takeBuffer(): Promise<Buffer> {
    for (;;) {
      this.throwIfFailed();
      const free = this.pool.pop();
      if (free !== undefined) return free;
      if (this.allocated < this.maxBuffers) {
        this.allocated += 1;
        return Buffer.allocUnsafe(this.blockSize);
      }
      await Promise.race(this.inFlight);
    }
  }

  private stageCurrent(): void {
    const buffer = this.current;
    const length = this.filled;
    if (buffer === undefined || length === 0) return;
    this.current = undefined;
    this.filled = 0;
    const blockId = (this.options.blockId ?? blockIdFor)(this.blockIds.length);
    this.blockIds.push(blockId);
    // Settles without rejecting: a failure is recorded and destroys the stream.
    const staging: Promise<void> = stageBufferBlock(this.target, blockId, buffer.subarray(0, length))
      .then(
        () => {
          if (!this.destroyed) this.pool.push(buffer);
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(inspect(error));
          this.failure ??= failure;
          if (!this.destroyed) this.destroy(failure);
        },
      )
      .finally(() => this.inFlight.delete(staging));
    this.inFlight.add(staging);
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.destroyed) {
      throw new StorageError(
        'STORAGE_WRITER_CLOSED',
        `${this.target.containerName}/${this.target.name}: the writer was destroyed`,
      );
    }
  }

  private async finish(): Promise<void> {
    this.stageCurrent();
    while (this.inFlight.size > 0) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const { etag } =
      this.options.commit === false
        ? { etag: undefined }
        : await commitBlocks(this.target, this.blockIds, this.options);
    this.result = { bytesWritten: this.written, blockCount: this.blockIds.length, etag };
  }
}

export function createStagedBlobWriter(
  target: BlockTarget,
  options?: StagedBlobWriterOptions,
): StagedBlobWriter {
  return new StagedBlobWriter(target, options);
}

/** Streams `source` into a new block blob and commits it; resolves with the bytes written. */
export async function writeStagedBlob(
  target: BlockTarget,
  source: Readable | AsyncIterable<Buffer>,
  options?: StagedBlobWriterOptions,
): Promise<StagedBlobResult> {
  const writer = new StagedBlobWriter(target, options);
  await pipeline(source, writer);
  const result = writer.committed;
  if (result === undefined) throw new Error('the staged blob writer finished without committing');
  return result;
}
