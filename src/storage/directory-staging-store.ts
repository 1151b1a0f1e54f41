import { createReadStream, createWriteStream, mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageError } from './errors';
import type { StagedWriter, StagingStore } from './staging-store';

/**
 * Staging in a local folder, for exports that write a local file. Each file is written under a
 * temporary name and renamed into place when complete, so a reader never sees half a file.
 */
export function createDirectoryStagingStore(root: string): StagingStore {
  const resolve = (relative: string): string => {
    const full = path.resolve(root, relative);
    if (!full.startsWith(path.resolve(root) + path.sep)) {
      throw new StorageError(
        'STORAGE_INVALID_NAME',
        `staging path "${relative}" escapes the staging folder ${root}`,
      );
    }
    return full;
  };

  return {
    location: root,
    async writeJson(relative, value) {
      const full = resolve(relative);
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(`${full}.tmp`, JSON.stringify(value));
      await fs.rename(`${full}.tmp`, full);
    },
    async readJson<T>(relative: string): Promise<T> {
      return JSON.parse(await fs.readFile(resolve(relative), 'utf8')) as T;
    },
    async exists(relative) {
      try {
        await fs.access(resolve(relative));
        return true;
      } catch {
        return false;
      }
    },
    createWriter(relative): StagedWriter {
      const full = resolve(relative);
      const temp = `${full}.tmp`;
      mkdirSync(path.dirname(full), { recursive: true });
      const input = new PassThrough();
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback(null, chunk);
        },
      });
      // The pipeline is in place before the caller can write, so no byte flows without a consumer.
      const written = pipeline(input, counter, createWriteStream(temp));
      const committed = (async () => {
        try {
          await written;
          await fs.rename(temp, full);
          return bytes;
        } catch (err) {
          await fs.rm(temp, { force: true });
          throw err;
        }
      })();
      // The caller observes failures through the stream; keep the promise from being unhandled.
      committed.catch(() => undefined);
      return { stream: input, committed };
    },
    openReader(relative, range): Readable {
      const full = resolve(relative);
      return range
        ? createReadStream(full, { start: range.offset, end: range.offset + range.count - 1 })
        : createReadStream(full);
    },
    async deletePrefix(prefix) {
      if (prefix === '') {
        throw new StorageError('STORAGE_INVALID_NAME', `${root}: refusing to delete with an empty prefix`);
      }
      let entries: string[];
      try {
        entries = (await fs.readdir(root, { recursive: true })).map((e) => e.split(path.sep).join('/'));
      } catch {
        return 0;
      }
      const matching = entries.filter((name) => name.startsWith(prefix));
      let count = 0;
      for (const name of matching.sort().reverse()) {
        const full = resolve(name);
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat?.isFile()) count++;
        await fs.rm(full, { recursive: true, force: true });
      }
      return count;
    },
  };
}
