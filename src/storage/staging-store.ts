import type { Readable, Writable } from 'node:stream';

/**
 * Where export runs keep their intermediate files: plans, model.xml, the data parts and their
 * manifests, named `<runId>/...` (see src/orchestration/staging-layout.ts). The blob implementation
 * keeps them in the staging container of the app storage account; the directory implementation, used
 * by the command-line export to a local file, in a temporary folder.
 */
export interface StagingStore {
  /** A human-readable location for messages, e.g. `bacpac-staging`. */
  readonly location: string;
  writeJson(path: string, value: unknown): Promise<void>;
  readJson<T>(path: string): Promise<T>;
  exists(path: string): Promise<boolean>;
  /**
   * A writable for one staged file. The file appears (is committed) only when the stream finishes;
   * a destroyed stream leaves no file behind. `committed` settles after 'finish' with the byte count.
   */
  createWriter(path: string): StagedWriter;
  /** Streams a staged file, or the byte range [offset, offset + count). */
  openReader(path: string, range?: { offset: number; count: number }): Readable;
  /** Deletes every file whose name starts with `prefix` (never empty); returns how many were removed. */
  deletePrefix(prefix: string): Promise<number>;
  /**
   * A URL the storage service itself can read the file from (a short-lived SAS for blobs), so a
   * target in the same service can copy ranges server-side. Undefined when not possible.
   */
  copySourceUrl?(path: string): Promise<string | undefined>;
}

export interface StagedWriter {
  readonly stream: Writable;
  /** Resolves with the number of bytes committed once the stream has finished and the file exists. */
  readonly committed: Promise<number>;
}
