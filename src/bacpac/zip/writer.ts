import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { ZipErrorCode, zipError } from './error-codes';
import { ZipLayoutBuilder, type ZipLayoutOptions, type ZipTrailerLayout } from './layout';
import type { PreparedEntry } from './prepared-entry';

export interface WriteZipOptions extends ZipLayoutOptions {
  /** End the sink after the end record (default true). */
  readonly end?: boolean;
}

/** Writes `chunk`, waiting for 'drain' when the sink asks us to, and failing if the sink errors. */
async function writeWithBackpressure(sink: NodeJS.WritableStream, chunk: Buffer): Promise<void> {
  if (!sink.write(chunk)) {
    await once(sink, 'drain');
  }
}

/** Ends the sink and waits until it has taken everything, or fails with its error. */
function endSink(sink: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    sink.once('error', reject);
    sink.end(() => {
      sink.removeListener('error', reject);
      resolve();
    });
  });
}

async function streamEntryData(entry: PreparedEntry, sink: NodeJS.WritableStream): Promise<void> {
  const data: Readable = entry.open();
  let streamed = 0;
  try {
    for await (const chunk of data) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      streamed += buffer.length;
      if (streamed > entry.compressedSize) break;
      await writeWithBackpressure(sink, buffer);
    }
  } finally {
    data.destroy();
  }
  if (streamed !== entry.compressedSize) {
    throw zipError(
      ZipErrorCode.SizeMismatch,
      `entry "${entry.name}": expected ${entry.compressedSize} stored bytes, the data stream gave ` +
        (streamed > entry.compressedSize ? `more (at least ${streamed})` : `${streamed}`),
      { entry: entry.name, expected: entry.compressedSize, found: streamed },
    );
  }
}

/**
 * Streams a ZIP archive to `sink`: for each entry its local header (CRC-32 and sizes filled in), then its
 * stored bytes, one entry at a time and never buffering an entry; then the central directory and end
 * records. The bytes are exactly those `layoutZip` computes for the same entries and options. Fails,
 * naming the entry, if an entry's data stream does not give exactly `compressedSize` bytes. On any
 * failure the sink is left as it is (not ended, not destroyed) for the caller to discard.
 */
export async function writeZip(
  entries: AsyncIterable<PreparedEntry> | Iterable<PreparedEntry>,
  sink: NodeJS.WritableStream,
  options: WriteZipOptions = {},
): Promise<ZipTrailerLayout> {
  const builder = new ZipLayoutBuilder(options);
  let sinkError: Error | undefined;
  const onError = (err: Error): void => {
    sinkError = err;
  };
  sink.on('error', onError);
  try {
    for await (const entry of entries) {
      const layout = builder.add(entry);
      await writeWithBackpressure(sink, layout.localHeader);
      await streamEntryData(entry, sink);
      if (sinkError !== undefined) throw sinkError;
    }
    const trailer = builder.finish();
    await writeWithBackpressure(sink, trailer.trailer);
    if (options.end ?? true) {
      await endSink(sink);
    }
    if (sinkError !== undefined) throw sinkError;
    return trailer;
  } finally {
    sink.removeListener('error', onError);
  }
}
