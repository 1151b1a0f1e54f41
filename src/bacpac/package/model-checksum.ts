import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { BacpacError } from '../errors';

/**
 * The model checksum in `Origin.xml` is the SHA-256 of the exact bytes of the stored `model.xml` (BOM and
 * line endings included), written as uppercase hex. The tap computes it while model.xml streams past.
 */
export function sha256Upper(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').toUpperCase();
}

/** A pass-through stream that hashes everything flowing through it. */
export class Sha256Tap extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private hex: string | undefined;
  private bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex').toUpperCase();
    callback();
  }

  /** The uppercase hex SHA-256 of all bytes; available once the stream has ended. */
  get digest(): string {
    if (this.hex === undefined) {
      throw new BacpacError(
        'CHECKSUM_NOT_READY',
        `model checksum: the stream has not ended yet (${this.bytes} bytes hashed so far)`,
      );
    }
    return this.hex;
  }

  /** How many bytes have passed through. */
  get byteCount(): number {
    return this.bytes;
  }
}

export function createSha256Tap(): Sha256Tap {
  return new Sha256Tap();
}
