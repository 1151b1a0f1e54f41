import { Readable } from 'node:stream';
import type { BcpRow } from '../../bacpac/bcp/types';
import { SyntheticSourceError } from './errors';

export interface RowStreamOptions {
  /** Table name for error messages (`[dbo].[AllTypes]`). */
  readonly table: string;
  readonly signal?: AbortSignal;
  /** Rows buffered ahead of the reader (default 64). */
  readonly highWaterMark?: number;
}

/**
 * An object-mode stream of the rows `from` (inclusive) to `to` (exclusive), made one at a time by
 * `rowAt` only when the reader wants more: it stops as soon as `push` reports a full buffer, so it
 * never runs more than `highWaterMark` rows ahead of a slow reader. Destroying the stream or
 * aborting `signal` stops generation.
 */
export function createRowStream(
  rowAt: (index: number) => BcpRow,
  from: number,
  to: number,
  options: RowStreamOptions,
): Readable {
  let next = from;
  const stream = new Readable({
    objectMode: true,
    highWaterMark: options.highWaterMark ?? 64,
    read(): void {
      try {
        while (next < to) {
          const row = rowAt(next);
          next += 1;
          if (!this.push(row)) return;
        }
        this.push(null);
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
  const signal = options.signal;
  if (signal !== undefined) {
    const abort = (): void => {
      stream.destroy(
        new SyntheticSourceError(
          'SYNTHETIC_ABORTED',
          `${options.table}: row generation aborted after row ${next} of ${from}..${to}`,
          { table: options.table, row: next },
        ),
      );
    };
    if (signal.aborted) abort();
    else {
      signal.addEventListener('abort', abort, { once: true });
      stream.once('close', () => signal.removeEventListener('abort', abort));
    }
  }
  return stream;
}
