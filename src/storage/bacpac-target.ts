import type { Writable } from 'node:stream';
import type { DiscardedBlocks } from './discard-run-blocks';
import type { StagingStore } from './staging-store';

/**
 * One piece of the final archive, in order: bytes the assembler made (headers, small parts, the
 * central directory), a whole staged file (a data part, model.xml) copied as it is, or a data part
 * already staged as uncommitted blocks of the target itself (see `BacpacTarget.createPartWriter`).
 */
export type ArchivePiece =
  | { readonly kind: 'bytes'; readonly data: Buffer }
  | { readonly kind: 'staged'; readonly name: string; readonly size: number }
  | {
      readonly kind: 'target-blocks';
      readonly runTag: string;
      readonly partIndex: number;
      readonly blockCount: number;
      readonly size: number;
    };

/** A data part being written straight into the target, not yet part of any visible archive. */
export interface TargetPartWriter {
  readonly stream: Writable;
  /** Settles once every block is staged: how many blocks, and how many bytes in all. */
  readonly staged: Promise<{ readonly blockCount: number; readonly bytes: number }>;
}

export interface CommitArchiveOptions {
  /** Replace an existing file or blob; otherwise the commit fails with TARGET_EXISTS. */
  readonly overwrite: boolean;
  /** Runs right before the commit; throwing stops it (the cancel check). */
  readonly beforeCommit?: () => Promise<void>;
  /** Blob metadata recorded with the archive (ignored for files). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface CommittedArchive {
  /** Where the archive is: a blob URL without SAS, or a file path. */
  readonly location: string;
  readonly sizeBytes: number;
  /** Bytes that passed through this process (the rest were copied by the storage service). */
  readonly bytesMoved: number;
}

/**
 * Where a BACPAC is written. It appears all at once, complete, or not at all: a block blob is one
 * block-list commit; a file is written under a temporary name and moved into place.
 */
export interface BacpacTarget {
  readonly location: string;
  exists(): Promise<boolean>;
  /** Existing archive's metadata (blob targets), used to recognise an archive this run already committed. */
  metadata?(): Promise<Readonly<Record<string, string>> | undefined>;
  /**
   * Writes a data part's stored bytes as uncommitted blocks of the target (blob targets), so the
   * commit lists them instead of copying the part. Nothing becomes visible: uncommitted blocks cannot
   * be read or listed as a blob, and the service discards those no commit lists (after a week at the
   * latest). Writing the same part of the same run again replaces its blocks.
   */
  createPartWriter?(partIndex: number, runTag: string): TargetPartWriter;
  /**
   * Parts smaller than this are better staged and merged at commit than written with
   * `createPartWriter` (each direct part costs blocks of its own, and a blob holds at most 50,000).
   */
  readonly directPartMinBytes?: number;
  /**
   * Whether `partCount` parts holding about `totalBytes` in all fit the target's block limit when
   * written with `createPartWriter` (a direct part cannot be merged or re-cut at commit).
   */
  directPartsFit?(totalBytes: bigint, partCount: number): boolean;
  /**
   * Why parts must not be written into the target directly, or undefined when they may: the
   * cleanup of a failed run creates and deletes the blob, which a container whose blobs cannot be
   * deleted (immutability, legal hold) would keep as an empty blob. A target that cannot tell says so.
   */
  directPartsRefusal?(): Promise<string | undefined>;
  /**
   * Drops the uncommitted blocks a run wrote with `createPartWriter` when its archive was never
   * committed (see `discardRunBlocks`). Safe to call for any run: finding none is success.
   */
  discardRunBlocks?(runTag: string): Promise<DiscardedBlocks>;
  commit(
    pieces: readonly ArchivePiece[],
    staging: StagingStore,
    options: CommitArchiveOptions,
  ): Promise<CommittedArchive>;
}
