import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Compression } from '../api/export-request';
import type { DatabaseModel } from '../bacpac/model';
import { writeModelXml } from '../bacpac/model';
import { createSha256Tap } from '../bacpac/package';
import { createEntryCompressor } from '../bacpac/zip';
import type { StagingStore } from '../storage/staging-store';
import { compressionSettings } from './compression';
import type { StagedModel } from './plan-document';

const CHUNK_CHARS = 256 * 1024;

/** The model.xml text in chunks of about 256 K characters (the writer yields one element at a time). */
function* modelText(model: DatabaseModel): Generator<Buffer> {
  let pending = '';
  for (const piece of writeModelXml(model, { lineEnding: '\r\n' })) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending.length > 0) yield Buffer.from(pending, 'utf8');
}

/**
 * Writes model.xml (CRLF, as DacFx on Windows) compressed into staging, hashing the exact
 * uncompressed bytes on the way for Origin.xml's checksum. The text is never held whole.
 */
export async function stageModel(
  model: DatabaseModel,
  staging: StagingStore,
  name: string,
  compression: Compression,
): Promise<StagedModel> {
  const settings = compressionSettings(compression);
  const tap = createSha256Tap();
  const compressor = createEntryCompressor(settings);
  const writer = staging.createWriter(name);
  await pipeline(Readable.from(modelText(model)), tap, compressor, writer.stream);
  await writer.committed;
  const result = compressor.result();
  return {
    blob: name,
    method: result.method,
    crc32: result.crc32,
    compressedSize: result.compressedSize,
    uncompressedSize: result.uncompressedSize,
    sha256: tap.digest,
  };
}
