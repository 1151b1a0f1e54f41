/**
 * Shared by the ZIP tests: where the real BACPAC fixtures are, an independent reader (yauzl) for
 * checking our writer, and small stream utilities. Nothing here uses the code under test.
 */
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import yauzl from 'yauzl';

export const FIXTURE_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'bacpac');

export function fixturePath(file: string): string {
  return path.join(FIXTURE_DIR, file);
}

export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A sink that keeps what it is given; a small highWaterMark and async writes make backpressure happen. */
export class CollectingSink extends Writable {
  readonly chunks: Buffer[] = [];
  maxBuffered = 0;

  constructor(highWaterMark = 64) {
    super({ highWaterMark });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    this.chunks.push(chunk);
    setImmediate(callback);
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export interface YauzlEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly data: Buffer;
}

/** Reads every entry with yauzl, an independent ZIP reader. */
export function readWithYauzl(bytes: Buffer): Promise<YauzlEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (openError, zipfile) => {
      if (openError) {
        reject(openError);
        return;
      }
      const entries: YauzlEntry[] = [];
      zipfile.on('error', reject);
      zipfile.on('end', () => resolve(entries));
      zipfile.on('entry', (entry: yauzl.Entry) => {
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          collect(stream).then((data) => {
            entries.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              crc32: entry.crc32,
              compressedSize: entry.compressedSize,
              uncompressedSize: entry.uncompressedSize,
              data,
            });
            zipfile.readEntry();
          }, reject);
        });
      });
      zipfile.readEntry();
    });
  });
}

/** Parses hex written with spaces and line breaks for readability. */
export function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s+/g, ''), 'hex');
}
