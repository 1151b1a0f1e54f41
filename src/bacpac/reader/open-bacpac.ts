import type { Readable } from 'node:stream';
import { readModelXml, tablesOf, type DatabaseModel } from '../model';
import {
  readContentTypes,
  readDacMetadata,
  readOrigin,
  readRels,
  type ContentTypeEntry,
  type DacMetadata,
  type OriginInfo,
  type RelsContent,
} from '../package';
import { openEntryStream, openZip, type RandomAccessSource, type ZipArchive, type ZipEntry } from '../zip';
import { resolveDataParts, type DataPart, type ResolvedDataParts } from './data-parts';
import { classifyEntries, METADATA_PART_NAMES, type BacpacParts, type MetadataRole } from './part-roles';
import { readEntryBytes } from './read-entry';
import { ReaderErrorCode, readerError } from './reader-error';

/**
 * An opened BACPAC: its ZIP entries sorted by role, and readers for each part. Metadata parts are
 * read on demand and remembered; model.xml and the data parts are streamed, never held whole.
 */
export interface BacpacPackage {
  readonly zip: ZipArchive;
  /** Every ZIP entry, in central directory order. */
  readonly entries: readonly ZipEntry[];
  readonly parts: BacpacParts;
  /** The decompressed bytes of model.xml (CRC-checked at the end). */
  openModelXml(): Readable;
  /** The typed model, read by streaming model.xml through the SAX reader. */
  readModel(): Promise<DatabaseModel>;
  origin(): Promise<OriginInfo>;
  dacMetadata(): Promise<DacMetadata>;
  contentTypes(): Promise<ContentTypeEntry[]>;
  /** `_rels/.rels`, or undefined when the package has none (a package without data). */
  rels(): Promise<RelsContent | undefined>;
  /** Every data part, resolved against the model's tables, and those that resolve to none. */
  resolveDataParts(): Promise<ResolvedDataParts>;
  /** Every data part with its table, in ZIP order; fails if any part names no table of the model. */
  dataParts(): Promise<DataPart[]>;
  /** The decompressed bytes of one data part (CRC-checked at the end). */
  openDataPart(part: DataPart): Readable;
  /** Closes the underlying source. */
  close(): Promise<void>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

/**
 * Opens a BACPAC: reads and checks the ZIP directory (both real writer families, ZIP64, data
 * descriptors, stored or deflated entries, any entry order), and sorts the entries by part role.
 * Nothing else is read until asked for.
 */
export async function openBacpac(source: RandomAccessSource): Promise<BacpacPackage> {
  const zip = await openZip(source);
  const parts = classifyEntries(zip.entries);

  const required = (role: MetadataRole): ZipEntry => {
    const entry = parts[role];
    if (entry === undefined) {
      throw readerError(
        ReaderErrorCode.MissingPart,
        `part ${METADATA_PART_NAMES[role]}: expected in every BACPAC, the package has no such entry`,
        { part: METADATA_PART_NAMES[role] },
      );
    }
    return entry;
  };
  const readPart = async (role: MetadataRole): Promise<Buffer> => readEntryBytes(zip, required(role));

  const openModelXml = (): Readable => openEntryStream(zip, required('model'));
  const readModel = once(() => readModelXml(openModelXml()));
  const origin = once(async () => readOrigin(await readPart('origin')));
  const dacMetadata = once(async () => readDacMetadata(await readPart('dacMetadata')));
  const contentTypes = once(async () => readContentTypes(await readPart('contentTypes')));
  const rels = once(async () =>
    parts.rels === undefined ? undefined : readRels(await readEntryBytes(zip, parts.rels)),
  );
  const resolve = once(async () => {
    const model = await readModel();
    return resolveDataParts(parts.data, tablesOf(model), await rels());
  });

  return {
    zip,
    entries: zip.entries,
    parts,
    openModelXml,
    readModel,
    origin,
    dacMetadata,
    contentTypes,
    rels,
    resolveDataParts: resolve,
    async dataParts() {
      const { parts: resolved, unresolved } = await resolve();
      const first = unresolved[0];
      if (first !== undefined) {
        throw readerError(
          ReaderErrorCode.UnresolvedDataPart,
          `part ${first.partName}: ${first.reason}` +
            (unresolved.length > 1 ? ` (and ${unresolved.length - 1} more such parts)` : ''),
          { part: first.partName },
        );
      }
      return [...resolved];
    },
    openDataPart: (part) => openEntryStream(zip, part.entry),
    close: () => zip.close(),
  };
}
