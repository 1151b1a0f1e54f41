import type { Readable } from 'node:stream';
import type { DatabaseModel } from '../types';
import { ModelReader } from './model-reader';

/**
 * Reads model.xml into the typed model, streaming it through a SAX parser (no DOM). What the
 * registry does not know is never dropped: a top-level element of an unknown type, and a property,
 * relationship or annotation a known type is not known to have, are kept as read (RawXml) and
 * written back; an unknown element type inside a known relationship keeps that relationship as read.
 * Accepts CRLF or LF and an optional BOM.
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
