import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { BacpacTarget } from './bacpac-target';
import { StorageError } from './errors';

/**
 * A BACPAC written to a local file. The archive is written to a temporary file beside the target and
 * then linked into place (which fails if the target appeared meanwhile) or renamed over it when
 * overwriting, so the target name never holds a partial archive.
 */
export function createFileBacpacTarget(filePath: string): BacpacTarget {
  const full = path.resolve(filePath);
  const exists = async (): Promise<boolean> =>
    fs.access(full).then(
      () => true,
      () => false,
    );
  return {
    location: full,
    exists,
    async commit(pieces, staging, options) {
      if (!options.overwrite && (await exists())) throw targetExists(full);
      const temp = `${full}.partial-${randomBytes(4).toString('hex')}`;
      const out = createWriteStream(temp);
      let size = 0;
      try {
        for (const piece of pieces) {
          if (piece.kind === 'bytes') {
            size += piece.data.length;
            if (!out.write(piece.data)) await once(out, 'drain');
          } else if (piece.kind === 'target-blocks') {
            throw new StorageError(
              'STORAGE_INVALID_RANGE',
              `${full}: part ${piece.partIndex} was staged as blocks of a blob target; a file target cannot list them`,
            );
          } else {
            let copied = 0;
            for await (const chunk of staging.openReader(piece.name)) {
              const data = chunk as Buffer;
              copied += data.length;
              if (!out.write(data)) await once(out, 'drain');
            }
            if (copied !== piece.size) {
              throw new StorageError(
                'STORAGE_SOURCE_CHANGED',
                `${staging.location}/${piece.name}: expected ${piece.size} bytes, read ${copied}`,
              );
            }
            size += piece.size;
          }
        }
        await new Promise<void>((resolve, reject) =>
          out.end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
        const written = (await fs.stat(temp)).size;
        if (written !== size) {
          throw new StorageError('TARGET_SIZE_MISMATCH', `${full}: wrote ${written} bytes, expected ${size}`);
        }
        await options.beforeCommit?.();
        if (options.overwrite) {
          await fs.rename(temp, full);
        } else {
          try {
            await fs.link(temp, full);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw targetExists(full);
            throw err;
          }
          await fs.rm(temp, { force: true });
        }
        return { location: full, sizeBytes: size, bytesMoved: size };
      } catch (err) {
        out.destroy();
        await fs.rm(temp, { force: true });
        throw err;
      }
    },
  };
}

function targetExists(full: string): StorageError {
  return new StorageError(
    'TARGET_EXISTS',
    `${full}: the file already exists; choose another name or allow overwrite`,
    {
      path: full,
    },
  );
}
