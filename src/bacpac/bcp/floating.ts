import type { ByteWriter } from './byte-writer';
import type { BcpValue } from './types';
import { BcpValueError, describeValue } from './value-error';
import type { ValueCodec } from './value-codec';

/**
 * real and float: IEEE-754 binary32 / binary64, little-endian (format spec 5.4). SQL Server stores
 * neither NaN nor infinities, so those are rejected, as is a real value beyond binary32's range.
 */
function checkedNumber(type: string, value: BcpValue): number {
  if (typeof value !== 'number') {
    throw new BcpValueError('BCP_TYPE', `expected a number for ${type}, found ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new BcpValueError('BCP_FLOAT_RANGE', `${type} cannot hold ${value}`);
  }
  return value;
}

export const realCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const n = checkedNumber('real', value);
    if (!Number.isFinite(Math.fround(n))) {
      throw new BcpValueError('BCP_FLOAT_RANGE', `value ${n} is out of range for real (about ±3.4E+38)`);
    }
    out.ensure(4);
    out.buf.writeFloatLE(n, out.pos);
    out.pos += 4;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return buf.readFloatLE(offset);
  },
};

export const floatCodec: ValueCodec = {
  encode(out: ByteWriter, value: BcpValue): void {
    const n = checkedNumber('float', value);
    out.ensure(8);
    out.buf.writeDoubleLE(n, out.pos);
    out.pos += 8;
  },
  decode(buf: Buffer, offset: number): BcpValue {
    return buf.readDoubleLE(offset);
  },
};
