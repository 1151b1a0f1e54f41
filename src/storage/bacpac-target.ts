import type { StagingStore } from './staging-store';

/**
 * One piece of the final archive, in order: bytes the assembler made (headers, small parts, the
 * central directory) or a whole staged file (a data part, model.xml) copied as it is.
 */
export type ArchivePiece =
  | { readonly kind: 'bytes'; readonly data: Buffer }
  | { readonly kind: 'staged'; readonly name: string; readonly size: number };

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
  commit(
    pieces: readonly ArchivePiece[],
    staging: StagingStore,
    options: CommitArchiveOptions,
  ): Promise<CommittedArchive>;
}
