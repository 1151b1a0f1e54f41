import { Transform, type TransformCallback } from 'node:stream';
import type { BcpRow } from '../bacpac/bcp/types';

/**
 * Passes rows through, counting them, and every `intervalMs` asks `isCancelled()` before letting the
 * next row pass; a cancelled run fails the stream with the error `cancelled()` makes. This is how an
 * export part notices a cancel at its next chunk: durable terminate does not stop running activities.
 */
export class RowGate extends Transform {
  /** Rows passed so far (a number: one part never nears 2^53 rows). */
  rows = 0;
  private lastCheck = Date.now();

  constructor(
    private readonly intervalMs: number,
    private readonly isCancelled: () => Promise<boolean>,
    private readonly cancelled: () => Error,
  ) {
    super({ objectMode: true });
  }

  override _transform(row: BcpRow, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.rows += 1;
    const now = Date.now();
    if (now - this.lastCheck < this.intervalMs) {
      callback(null, row);
      return;
    }
    this.lastCheck = now;
    this.isCancelled().then(
      (cancelled) => (cancelled ? callback(this.cancelled()) : callback(null, row)),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  }
}
