import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * binary, varbinary, image, rowversion, and the serialized forms of geography, geometry and
 * hierarchyid: the raw bytes (format spec 5.4). binary(n) is zero-padded to n bytes as SQL Server
 * stores it; rowversion is exactly 8 bytes. Decoded values are copies, so they outlive the chunk.
 */
function bytes(label: string, value: BcpValue): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new BcpValueError('BCP_TYPE', `expected a Buffer for ${label}, found ${describeValue(value)}`);
}

function copy(buf: Buffer, offset: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  buf.copy(out, 0, offset, offset + length);
  return out;
}

/** varbinary(n), and with no limit varbinary(max), image, geography, geometry and hierarchyid. */
export function variableBinaryCodec(label: string, maxBytes: number): ValueCodec {
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const b = bytes(label, value);
      if (b.length > maxBytes) {
        throw new BcpValueError(
          'BCP_TOO_LONG',
          `value of ${b.length} bytes does not fit ${label} (at most ${maxBytes})`,
        );
      }
      out.bytes(b);
    },
    decode: copy,
  };
}

/** binary(n) (zero-padded) and rowversion (exactly 8 bytes, never padded). */
export function fixedBinaryCodec(label: string, size: number, pad: boolean): ValueCodec {
  return {
    encode(out: ByteWriter, value: BcpValue): void {
      const b = bytes(label, value);
      if (b.length > size) {
        throw new BcpValueError(
          'BCP_TOO_LONG',
          `value of ${b.length} bytes does not fit ${label} (at most ${size})`,
        );
      }
      if (!pad && b.length !== size) {
        throw new BcpValueError(
          'BCP_BAD_BINARY',
          `expected exactly ${size} bytes for ${label}, found ${b.length}`,
        );
      }
      out.bytes(b);
      if (b.length < size) out.fill(0, size - b.length);
    },
    decode: copy,
  };
}
