import type { Readable } from 'node:stream';
import type { DatabaseModel } from '../types';
import { ModelReader } from './model-reader';

/**
 * Reads model.xml into the typed model, streaming it through a SAX parser (no DOM). Every element
 * kind, property, relationship and annotation must be known to the registry: anything else is a
 * coded error naming it, never dropped. Accepts CRLF or LF and an optional BOM.
 */
export async function readModelXml(input: Readable | AsyncIterable<Buffer> | Buffer): Promise<DatabaseModel> {
  const reader = new ModelReader();
  if (Buffer.isBuffer(input)) {
    reader.write(input);
  } else {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      reader.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    }
  }
  return reader.end();
}
