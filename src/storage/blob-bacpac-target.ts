import { finished } from 'node:stream/promises';
import type { BlockBlobClient } from '@azure/storage-blob';
import type { ArchivePiece, BacpacTarget, CommittedArchive, TargetPartWriter } from './bacpac-target';
import {
  blockIdFor,
  commitBlocks,
  MAX_BLOCKS,
  MiB,
  stageBlockFromUrlRange,
  stageBufferBlock,
} from './block-commit';
import { containerOf, immutabilityOf } from './container-immutability';
import { discardRunBlocks } from './discard-run-blocks';
import { hasStatus, serviceCodeOf, StorageError } from './errors';
import { redactUrl } from './redact-url';
import type { StagingStore } from './staging-store';
import { StagedBlobWriter } from './staging-writer';
import { assemblerBlockId, partBlockId } from './target-block-ids';

export interface BlobBacpacTargetOptions {
  /**
   * Offer `createPartWriter`, so export parts stage their bytes directly as uncommitted blocks of the
   * target and the commit only lists them: no copy at all (default true). When false, parts go to
   * staging and are copied or streamed at commit as below.
   */
  readonly directParts?: boolean;
  /**
   * Copy staged parts with Put Block From URL, so their bytes never pass through this process
   * (default true). When false, or when the staging store cannot give a copy URL, parts are streamed
   * through this process instead. Both paths produce the same bytes.
   */
  readonly serverSideCopy?: boolean;
  /**
   * Staged files smaller than this are read and merged into the surrounding block (default 4 MiB).
   * Raised for one commit when copying every larger file would pass the block limit.
   */
  readonly mergeBelowBytes?: number;
  /** Largest range copied into one block from a URL (default 256 MiB; the service allows 4000 MiB). */
  readonly copyRangeBytes?: number;
  /** Size of blocks this process writes itself (default 8 MiB). */
  readonly blockBytes?: number;
  /** Blocks staged at once (default 8). */
  readonly concurrency?: number;
  /** Most blocks one archive may use (default and upper bound: the service's 50,000). */
  readonly maxBlocks?: number;
}

/**
 * At most how many blocks a commit takes when staged files of `threshold` bytes and more are copied
 * (in ranges of `copyRange`) and everything else is written in blocks of about `blockBytes`.
 */
function blocksNeeded(
  pieces: readonly ArchivePiece[],
  threshold: number,
  copyRange: number,
  blockBytes: number,
): number {
  let blocks = 0;
  let pending = 0;
  for (const piece of pieces) {
    const size = piece.kind === 'bytes' ? piece.data.length : piece.size;
    if (piece.kind === 'target-blocks') {
      blocks += (pending > 0 ? 1 : 0) + piece.blockCount;
      pending = 0;
    } else if (piece.kind === 'staged' && size > 0 && size >= threshold) {
      blocks += (pending > 0 ? 1 : 0) + Math.ceil(size / copyRange);
      pending = 0;
    } else {
      pending += size;
      blocks += Math.floor(pending / blockBytes);
      pending %= blockBytes;
    }
  }
  return blocks + (pending > 0 ? 1 : 0);
}

/**
 * The merge threshold for these pieces: `mergeBelow`, doubled until the archive fits `maxBlocks`, so
 * a database of very many small parts merges more of them (they pass through this process) instead
 * of failing at the service's block limit.
 */
function mergeThresholdFor(
  pieces: readonly ArchivePiece[],
  mergeBelow: number,
  copyRange: number,
  blockBytes: number,
  maxBlocks: number,
): number {
  const largest = pieces.reduce((max, p) => (p.kind === 'staged' && p.size > max ? p.size : max), 0);
  let threshold = Math.max(1, mergeBelow);
  while (threshold <= largest && blocksNeeded(pieces, threshold, copyRange, blockBytes) > maxBlocks) {
    threshold *= 2;
  }
  return threshold;
}

/** Blocks kept free for the assembler's own (headers, model.xml, the small parts, the directory). */
const ASSEMBLER_BLOCKS = 100;

/**
 * A BACPAC committed as one block blob. Headers, small parts and the central directory are staged as
 * blocks this process writes; data parts written with `createPartWriter` are already blocks of the
 * blob and are only listed; large staged parts are copied block by block by the storage service.
 * Nothing is visible until the single commit, which carries `If-None-Match: *` unless overwriting.
 * Memory: at most `concurrency` blocks of `blockBytes` are held at once (and three per part writer).
 *
 * Direct parts share the blob's limit of 50,000 committed blocks: with blocks of 8 MiB the data
 * parts of one archive may hold about 50,000 x 8 MiB = 400 GiB (429 GB) in all, less the few blocks
 * of headers (`directPartsFit` tells the planner whether a database fits). The service also holds
 * at most 100,000 uncommitted blocks per blob. Blocks of a failed or cancelled export never form a
 * visible blob; `discardRunBlocks` drops them (the service would after a week). Any commit of the
 * blob drops every block it does not list, so two runs writing the same blob at once fail one
 * another's commit.
 */
export function createBlobBacpacTarget(
  blob: BlockBlobClient,
  options: BlobBacpacTargetOptions = {},
): BacpacTarget {
  const location = redactUrl(blob.url);
  const mergeBelow = options.mergeBelowBytes ?? 4 * MiB;
  const copyRange = options.copyRangeBytes ?? 256 * MiB;
  const blockBytes = options.blockBytes ?? 8 * MiB;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const maxBlocks = Math.min(MAX_BLOCKS, options.maxBlocks ?? MAX_BLOCKS);

  const createPartWriter = (partIndex: number, runTag: string): TargetPartWriter => {
    const writer = new StagedBlobWriter(blob, {
      commit: false,
      blockSize: blockBytes,
      blockId: (seq) => partBlockId(runTag, partIndex, seq),
    });
    const staged = finished(writer).then(() => {
      const result = writer.committed;
      if (result === undefined) {
        throw new StorageError('STORAGE_WRITER_CLOSED', `${location}: part ${partIndex} ended unstaged`);
      }
      return { blockCount: result.blockCount, bytes: result.bytesWritten };
    });
    // The pipeline writing the stream reports a failure; this copy must not be an unhandled one.
    staged.catch(() => undefined);
    return { stream: writer, staged };
  };

  // Each part may end in a partial block, and the assembler adds a few blocks of its own per entry.
  const directPartsFit = (totalBytes: bigint, partCount: number): boolean =>
    totalBytes / BigInt(blockBytes) + BigInt(2 * partCount + ASSEMBLER_BLOCKS) <= BigInt(maxBlocks);

  const directPartsRefusal = async (): Promise<string | undefined> => {
    try {
      return immutabilityOf(await containerOf(blob).getProperties());
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return `the container's properties could not be read (${reason})`;
    }
  };

  return {
    location,
    ...(options.directParts === false
      ? {}
      : { createPartWriter, directPartMinBytes: mergeBelow, directPartsFit, directPartsRefusal }),
    discardRunBlocks: (runTag) => discardRunBlocks(blob, runTag),
    exists: () => blob.exists(),
    async metadata() {
      try {
        return (await blob.getProperties()).metadata;
      } catch {
        return undefined;
      }
    },
    async commit(
      pieces: readonly ArchivePiece[],
      staging: StagingStore,
      commitOptions,
    ): Promise<CommittedArchive> {
      const blockIds: string[] = [];
      const inFlight = new Set<Promise<void>>();
      let failure: Error | undefined;
      let bytesMoved = 0;
      let size = 0;
      const copyBelow = mergeThresholdFor(pieces, mergeBelow, copyRange, blockBytes, maxBlocks);
      const direct = pieces.find((p) => p.kind === 'target-blocks');
      if (direct !== undefined) {
        const needed = blocksNeeded(pieces, copyBelow, copyRange, blockBytes);
        if (needed > maxBlocks) {
          throw new StorageError(
            'STORAGE_TOO_MANY_BLOCKS',
            `${location}: the archive needs ${needed} blocks, more than the limit of ${maxBlocks} ` +
              `committed blocks of a block blob (data parts are staged in blocks of ${blockBytes} bytes)`,
            { needed, limit: maxBlocks },
          );
        }
      }
      const ownId =
        direct === undefined ? blockIdFor : (index: number) => assemblerBlockId(direct.runTag, index);
      let ownBlocks = 0;

      const checkRoom = (count: number): void => {
        if (blockIds.length + count > maxBlocks) {
          throw new StorageError(
            'STORAGE_TOO_MANY_BLOCKS',
            `${location}: the archive would need more than ${maxBlocks} blocks; use larger parts`,
          );
        }
      };
      const nextId = (): string => {
        checkRoom(1);
        const id = ownId(ownBlocks);
        ownBlocks += 1;
        blockIds.push(id);
        return id;
      };
      const rethrow = (): void => {
        if (failure !== undefined) throw failure;
      };
      const run = async (task: () => Promise<void>): Promise<void> => {
        rethrow();
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        rethrow();
        const promise = task()
          .catch((err: unknown) => {
            failure ??= err instanceof Error ? err : new Error(String(err));
          })
          .finally(() => inFlight.delete(promise));
        inFlight.add(promise);
      };

      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        const data = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const id = nextId();
        bytesMoved += data.length;
        await run(() => stageBufferBlock(blob, id, data));
      };
      const append = async (data: Buffer): Promise<void> => {
        pending.push(data);
        pendingBytes += data.length;
        if (pendingBytes >= blockBytes) await flush();
      };

      for (const piece of pieces) {
        if (piece.kind === 'bytes') {
          size += piece.data.length;
          await append(piece.data);
          continue;
        }
        size += piece.size;
        if (piece.kind === 'target-blocks') {
          await flush();
          checkRoom(piece.blockCount);
          for (let seq = 0; seq < piece.blockCount; seq++) {
            blockIds.push(partBlockId(piece.runTag, piece.partIndex, seq));
          }
          continue;
        }
        if (piece.size === 0) continue;
        const url =
          options.serverSideCopy === false || piece.size < copyBelow
            ? undefined
            : await staging.copySourceUrl?.(piece.name);
        if (url !== undefined) {
          await flush();
          for (let offset = 0; offset < piece.size; offset += copyRange) {
            const count = Math.min(copyRange, piece.size - offset);
            const id = nextId();
            await run(() => stageBlockFromUrlRange(blob, id, url, offset, count));
          }
          continue;
        }
        let streamed = 0;
        for await (const chunk of staging.openReader(piece.name)) {
          const data = chunk as Buffer;
          streamed += data.length;
          await append(data);
        }
        if (streamed !== piece.size) {
          throw new StorageError(
            'STORAGE_SOURCE_CHANGED',
            `${staging.location}/${piece.name}: expected ${piece.size} bytes, read ${streamed}`,
          );
        }
      }
      await flush();
      await Promise.all(inFlight);
      rethrow();
      await commitOptions.beforeCommit?.();
      await commitBlocks(blob, blockIds, {
        overwrite: commitOptions.overwrite,
        contentType: 'application/octet-stream',
        metadata: commitOptions.metadata,
      }).catch((error: unknown) => {
        if (direct !== undefined && hasStatus(error, 400) && serviceCodeOf(error) === 'InvalidBlockList') {
          throw new StorageError(
            'TARGET_BLOCKS_LOST',
            `${location}: blocks this export wrote into the target are gone; another commit of the ` +
              'same blob (a second export to the same name at the same time?) dropped them. Export again',
          );
        }
        throw error;
      });
      return { location, sizeBytes: size, bytesMoved };
    },
  };
}
