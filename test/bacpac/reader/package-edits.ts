import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareBufferEntry, writeZip, type ZipMethod } from '../../../src/bacpac/zip';
import { readFixtureEntries } from '../../helpers/fixtures';

/**
 * Test helpers that write modified copies of the real fixtures: every entry is read with yauzl (an
 * independent reader), edited in memory, and zipped again with the project's ZIP writer. The copies
 * go to a temporary directory that `removeTempDir` deletes.
 */
export interface TestEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly method?: ZipMethod;
}

const MODIFIED = new Date(2024, 0, 2, 3, 4, 6);

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'bacpac-reader-test-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes `entries`, in order, as a ZIP file at `file`. */
export async function writeTestZip(entries: readonly TestEntry[], file: string): Promise<void> {
  const prepared = entries.map((e) =>
    prepareBufferEntry(e.name, e.data, e.method ?? 'deflate', undefined, MODIFIED),
  );
  await writeZip(prepared, createWriteStream(file));
}

/** The fixture's entries in ZIP order. */
export async function fixtureEntries(fixture: string): Promise<TestEntry[]> {
  return [...(await readFixtureEntries(fixture))].map(([name, data]) => ({ name, data }));
}

/** Writes a copy of `fixture` with its entries passed through `edit`; returns the copy's path. */
export async function editedCopy(
  fixture: string,
  dir: string,
  copyName: string,
  edit: (entries: TestEntry[]) => TestEntry[],
): Promise<string> {
  const file = path.join(dir, copyName);
  await writeTestZip(edit(await fixtureEntries(fixture)), file);
  return file;
}

/** Replaces the data of the entry called `name` (which must exist). */
export function replaceEntry(
  entries: TestEntry[],
  name: string,
  change: (data: Buffer) => Buffer,
): TestEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name}`);
  return entries.map((e) => (e.name === name ? { ...e, data: change(e.data) } : e));
}

/**
 * Edits model.xml's text and writes its new SHA-256 into Origin.xml, as a real exporter would have:
 * the copy differs only in the model, and its checksum holds.
 */
export function replaceModel(entries: TestEntry[], change: (model: string) => string): TestEntry[] {
  let model = '';
  const edited = replaceEntry(entries, 'model.xml', (data) => {
    model = change(data.toString('utf8'));
    return Buffer.from(model, 'utf8');
  });
  const sha = createHash('sha256').update(model, 'utf8').digest('hex').toUpperCase();
  return replaceEntry(edited, 'Origin.xml', (data) =>
    Buffer.from(
      data.toString('utf8').replace(/(<Checksum Uri="\/model\.xml">)[0-9A-F]+/, `$1${sha}`),
      'utf8',
    ),
  );
}

export function removeEntry(entries: TestEntry[], name: string): TestEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`no entry ${name}`);
  return entries.filter((e) => e.name !== name);
}
