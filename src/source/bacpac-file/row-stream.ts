import { pipeline, Readable } from 'node:stream';
import { createBcpDecoder, type BcpColumn, type BcpRow } from '../../bacpac/bcp';
import type { BacpacPackage, DataPart } from '../../bacpac/reader';
import { BacpacFileSourceError } from './errors';

/** A failure to raise after a given number of rows of one part (a test facility, see FailOnPart). */
export interface InjectedFailure {
  readonly afterRows: number;
}

/**
 * Streams the rows of one data part: the entry's bytes, inflated and CRC-checked, through the BCP
 * decoder, in object mode. Rows are pulled one at a time, so a slow consumer holds the reading back:
 * at most one source read (1 MiB), one inflated chunk and the stream buffers are in flight. Destroying
 * the returned stream, or aborting `signal`, destroys the decoder and the entry stream, which stops
 * reading the source.
 */
export function openPartRows(
  load: () => Promise<{ pkg: BacpacPackage; part: DataPart; columns: readonly BcpColumn[] } | undefined>,
  signal: AbortSignal | undefined,
  failure: InjectedFailure | undefined,
): Readable {
  async function* rows(): AsyncGenerator<BcpRow> {
    signal?.throwIfAborted();
    const target = await load();
    if (target === undefined) return;
    const { pkg, part, columns } = target;
    const table = `${part.schema}.${part.table}`;
    const decoder = createBcpDecoder({ table, columns });
    const onAbort = (): void => {
      decoder.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pipeline(pkg.openDataPart(part), decoder, () => {
      // Errors reach the consumer through the decoder, which the pipeline destroys with them.
    });
    let count = 0;
    try {
      for await (const row of decoder) {
        if (failure !== undefined && count >= failure.afterRows) throw injected(part, count);
        yield row as BcpRow;
        count += 1;
      }
      if (failure !== undefined && count >= failure.afterRows) throw injected(part, count);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      decoder.destroy();
    }
  }
  const stream = Readable.from(rows(), { objectMode: true, highWaterMark: 16 });
  if (signal !== undefined) {
    const abort = (): void => {
      stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    stream.once('close', () => signal.removeEventListener('abort', abort));
  }
  return stream;
}

function injected(part: DataPart, rows: number): BacpacFileSourceError {
  return new BacpacFileSourceError(
    'BACPAC_SOURCE_INJECTED_FAILURE',
    `part ${part.partName} (${part.schema}.${part.table}): failure injected by failOnPart after ${rows} rows`,
    { part: part.partName, rows },
  );
}
