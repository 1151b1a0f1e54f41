import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * Access to the real BACPAC fixtures in ../shared/fixtures/bacpac (outside the repository), read
 * with yauzl, a ZIP reader independent of this project's own code.
 */
export const FIXTURE_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'bacpac');

export function fixturePath(name: string): string {
  return path.join(FIXTURE_DIR, name);
}

/** File names of all `.bacpac` fixtures, sorted. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.bacpac'))
    .sort();
}

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Every entry of a fixture (a fixture's file name, or any ZIP by absolute path), by its stored name
 * (data parts keep their %-escapes), in ZIP order.
 */
export async function readFixtureEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path.isAbsolute(file) ? file : fixturePath(file), {
    lazyEntries: true,
    decodeStrings: true,
  });
  const entries = new Map<string, Buffer>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        zip
          .openReadStreamPromise(entry)
          .then(readStream)
          .then((data) => {
            entries.set(entry.fileName, data);
            zip.readEntry();
          })
          .catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

/** One entry of a fixture; rejects when the fixture has no such entry. */
export async function readFixtureEntry(file: string, name: string): Promise<Buffer> {
  const entries = await readFixtureEntries(file);
  const data = entries.get(name);
  if (data === undefined) throw new Error(`fixture ${file} has no entry ${name}`);
  return data;
}

/** The data parts of a fixture: `{ table: 'dbo.Order Details', name, data }` in ZIP order. */
export async function readFixtureDataParts(
  file: string,
): Promise<{ table: string; name: string; data: Buffer }[]> {
  const parts: { table: string; name: string; data: Buffer }[] = [];
  for (const [name, data] of await readFixtureEntries(file)) {
    const match = /^Data\/([^/]+)\/[^/]+\.BCP$/i.exec(name);
    if (match?.[1] !== undefined) parts.push({ table: decodeURIComponent(match[1]), name, data });
  }
  return parts;
}
