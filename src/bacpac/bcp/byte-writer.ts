/**
 * A growing output buffer that the encoders write into directly. Codecs call {@link ByteWriter.ensure}
 * and then write at `pos` on `buf`; `take()` hands the written bytes over and starts a fresh buffer,
 * so no bytes are copied between encoding and output.
 */
export class ByteWriter {
  buf: Buffer;
  pos = 0;

  constructor(private readonly initialSize = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Makes room for `count` more bytes at `pos`. */
  ensure(count: number): void {
    const needed = this.pos + count;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  u8(value: number): void {
    this.ensure(1);
    this.buf[this.pos++] = value;
  }

  bytes(source: Uint8Array): void {
    this.ensure(source.length);
    this.buf.set(source, this.pos);
    this.pos += source.length;
  }

  /** Writes `text` as UTF-16LE code units (lone surrogates kept as they are). */
  utf16(text: string): void {
    this.ensure(text.length * 2);
    this.pos += this.buf.write(text, this.pos, 'utf16le');
  }

  /** Writes `count` copies of one byte (a loop for the few bytes of a NULL prefix: Buffer.fill costs more). */
  fill(byte: number, count: number): void {
    this.ensure(count);
    const end = this.pos + count;
    if (count <= 16) for (let i = this.pos; i < end; i++) this.buf[i] = byte;
    else this.buf.fill(byte, this.pos, end);
    this.pos = end;
  }

  /** Returns the bytes written so far and starts over with a new buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.initialSize, 256));
    this.pos = 0;
    return out;
  }
}
