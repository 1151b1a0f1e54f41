import type { ByteWriter } from './byte-writer';
import { dateCodec } from './datetime2';
import { floatCodec, realCodec } from './floating';
import { guidCodec } from './guid';
import { bigintCodec, bitCodec, smallIntegerCodec } from './integer';
import { datetimeCodec, smalldatetimeCodec } from './legacy-datetime';
import { moneyCodec, smallmoneyCodec } from './money';
import type { SqlVariantValue } from './types';
import type { ValueCodec } from './value-codec';

/**
 * Base types without properties (property byte count 0): the value bytes are those of the same
 * type in a column of its own. Base type name -> [type byte, codec].
 */
export const FIXED: Readonly<Record<string, readonly [number, ValueCodec]>> = {
  tinyint: [0x30, smallIntegerCodec('tinyint')],
  bit: [0x32, bitCodec],
  smallint: [0x34, smallIntegerCodec('smallint')],
  int: [0x38, smallIntegerCodec('int')],
  bigint: [0x7f, bigintCodec],
  smalldatetime: [0x3a, smalldatetimeCodec],
  real: [0x3b, realCodec],
  money: [0x3c, moneyCodec],
  datetime: [0x3d, datetimeCodec],
  float: [0x3e, floatCodec],
  smallmoney: [0x7a, smallmoneyCodec],
  uniqueidentifier: [0x24, guidCodec],
  date: [0x28, dateCodec],
};

export function encodeFixed(out: ByteWriter, v: SqlVariantValue, fixed: readonly [number, ValueCodec]): void {
  out.u8(fixed[0]);
  out.u8(0);
  fixed[1].encode(out, v.value);
}

export function decodeFixed(
  buf: Buffer,
  at: number,
  valueLength: number,
  baseType: string,
  codec: ValueCodec,
): SqlVariantValue {
  return {
    kind: 'sql_variant',
    baseType,
    value: codec.decode(buf, at, valueLength) as SqlVariantValue['value'],
  };
}
