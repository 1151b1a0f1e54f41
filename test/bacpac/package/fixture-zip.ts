/**
 * Reads entries of the real BACPAC fixtures with yauzl, an independent ZIP reader, so that these tests
 * depend on nothing in src/bacpac/zip.
 */
import path from 'node:path';
import yauzl from 'yauzl';

export const FIXTURE_NAMES = [
  'bacpactod-Test',
  'devops-module12-database',
  'spss-2025-3-30-9-48',
  'AdventureWorksLT2022',
  'Northwind',
  'imdb1000',
] as const;

export function fixturePath(name: string): string {
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'bacpac', `${name}.bacpac`);
}

/** Every entry of a fixture, in ZIP order, with its uncompressed bytes (the fixtures are under 1 MB). */
export async function readFixtureEntries(name: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(fixturePath(name), { lazyEntries: true, autoClose: false });
  const entries = new Map<string, Buffer>();
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', (e: yauzl.Entry) => resolve(e));
        zip.once('end', () => resolve(undefined));
        zip.once('error', reject);
        zip.readEntry();
      });
      if (!entry) break;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** One entry's bytes; fails the test when the fixture lacks it. */
export async function readFixtureEntry(name: string, entryName: string): Promise<Buffer> {
  const bytes = (await readFixtureEntries(name)).get(entryName);
  if (!bytes) throw new Error(`fixture ${name} has no entry ${entryName}`);
  return bytes;
}
