import { Readable } from 'node:stream';
import type { BcpRow } from '../../bacpac/bcp/types';
import { MssqlSourceError, toSourceError } from './errors';

/**
 * The part of a streaming mssql Request that the row stream drives: it emits `row` (an array of
 * column values, arrayRowMode), `error` and `done`, and can be paused, resumed and cancelled.
 */
export interface StreamingRequest {
  on(event: 'row', listener: (values: unknown[]) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'done', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
}

/** A started query and how to give its connection back. */
export interface StartedQuery {
  readonly request: StreamingRequest;
  release(): Promise<void>;
}

export interface RowStreamOptions {
  /** What the rows are, for error messages: `[dbo].[Orders] part 3`. */
  readonly objectName: string;
  readonly signal?: AbortSignal;
  /** Rows buffered before the query is paused. */
  readonly highWaterMark?: number;
}

/**
 * A Readable of BcpRows over a streaming query, with backpressure: when `push` returns false the
 * request is paused (tedious stops reading the socket), and `_read` resumes it. Destroying the
 * stream or aborting the signal cancels the query on the server and releases the connection.
 * The query starts on the first read.
 */
export function createRowStream(
  start: () => Promise<StartedQuery>,
  convert: (values: readonly unknown[], rowNumber: number) => BcpRow,
  options: RowStreamOptions,
): Readable {
  let started: StartedQuery | undefined;
  let starting = false;
  let finished = false;
  let paused = false;
  let rowNumber = 0;
  let released = false;

  const release = async (): Promise<void> => {
    if (released || started === undefined) return;
    released = true;
    await started.release().catch(() => undefined);
  };

  const stream = new Readable({
    objectMode: true,
    highWaterMark: options.highWaterMark ?? 256,
    read() {
      if (started !== undefined) {
        if (paused) {
          paused = false;
          started.request.resume();
        }
        return;
      }
      if (starting) return;
      starting = true;
      start().then(
        (query) => {
          started = query;
          if (stream.destroyed) {
            query.request.cancel();
            void release();
            return;
          }
          query.request.on('row', (values) => {
            if (stream.destroyed) return;
            rowNumber++;
            let row: BcpRow;
            try {
              row = convert(values, rowNumber);
            } catch (error) {
              stream.destroy(error instanceof Error ? error : new Error(String(error)));
              return;
            }
            if (!stream.push(row) && !paused) {
              paused = true;
              query.request.pause();
            }
          });
          query.request.on('error', (error) => {
            if (stream.destroyed) return;
            stream.destroy(toSourceError(error, `reading ${options.objectName} after row ${rowNumber}`));
          });
          query.request.on('done', () => {
            finished = true;
            void release().then(() => {
              if (!stream.destroyed) stream.push(null);
            });
          });
        },
        (error: unknown) => {
          stream.destroy(toSourceError(error, `starting to read ${options.objectName}`));
        },
      );
    },
    destroy(error, callback) {
      if (started !== undefined && !finished) started.request.cancel();
      release().then(
        () => callback(error),
        () => callback(error),
      );
    },
  });

  if (options.signal !== undefined) {
    const onAbort = (): void => {
      stream.destroy(
        new MssqlSourceError(
          'SQL_ABORTED',
          `reading ${options.objectName} was aborted after row ${rowNumber}`,
        ),
      );
    };
    if (options.signal.aborted) queueMicrotask(onAbort);
    else {
      options.signal.addEventListener('abort', onAbort, { once: true });
      stream.once('close', () => options.signal?.removeEventListener('abort', onAbort));
    }
  }
  return stream;
}
