import type { ByteWriter } from './byte-writer';
import type { BcpValue, SqlVariantValue } from './types';
import type { ValueCodec } from './value-codec';
import { BcpValueError, describeValue } from './value-error';
import { BINARY, decodeBinary, encodeBinary } from './variant-binary';
import { CHARACTER, decodeCharacter, encodeCharacter } from './variant-character';
import { EXACT, decodeExact, encodeExact } from './variant-decimal';
import { FIXED, decodeFixed, encodeFixed } from './variant-fixed';
import { SCALED_TIME, decodeScaledTime, encodeScaledTime } from './variant-temporal';

/**
 * sql_variant: `[base type byte][property byte count][properties][value]`, the inner layout of TDS
 * SSVARIANT (format spec 5.4), inside the field's 4-byte length prefix. Character base types carry
 * a 5-byte collation and a 2-byte maximum length; varchar/char values are in the collation's code
 * page, nvarchar/nchar in UTF-16LE. decimal/numeric carry precision and scale, then a sign byte and
 * a 4, 8, 12 or 16-byte magnitude chosen by precision. time, datetime2 and datetimeoffset carry
 * their scale, and (as in TDS) count time in units of 10^-scale s with 3, 4 or 5 bytes.
 * The base type families live in the variant-*.ts modules; this one reads the envelope and
 * dispatches on the base type.
 */
const BASE_TYPE_NAMES = new Map<number, string>([
  ...Object.entries(FIXED).map(([name, [code]]): [number, string] => [code, name]),
  ...[SCALED_TIME, EXACT, CHARACTER, BINARY].flatMap((table) =>
    Object.entries(table).map(([name, code]): [number, string] => [code, name]),
  ),
]);

function isVariant(value: BcpValue): value is SqlVariantValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    value.kind === 'sql_variant'
  );
}

function encodeVariant(out: ByteWriter, value: BcpValue): void {
  if (!isVariant(value)) {
    throw new BcpValueError(
      'BCP_TYPE',
      `expected a SqlVariantValue for sql_variant, found ${describeValue(value)}`,
    );
  }
  const v = value;
  const fixed = FIXED[v.baseType];
  if (fixed) return encodeFixed(out, v, fixed);
  const timeCode = SCALED_TIME[v.baseType];
  if (timeCode !== undefined) return encodeScaledTime(out, v, timeCode);
  const exactCode = EXACT[v.baseType];
  if (exactCode !== undefined) return encodeExact(out, v, exactCode);
  const charCode = CHARACTER[v.baseType];
  if (charCode !== undefined) return encodeCharacter(out, v, charCode);
  const binaryCode = BINARY[v.baseType];
  if (binaryCode !== undefined) return encodeBinary(out, v, binaryCode);
  throw new BcpValueError('BCP_VARIANT', `sql_variant cannot hold base type ${v.baseType}`);
}

function decodeVariant(buf: Buffer, offset: number, length: number): BcpValue {
  const code = buf[offset] as number;
  const propBytes = buf[offset + 1] as number;
  const baseType = BASE_TYPE_NAMES.get(code);
  const at = offset + 2 + propBytes;
  const valueLength = length - 2 - propBytes;
  if (baseType === undefined || valueLength < 0) {
    throw new BcpValueError(
      'BCP_VARIANT',
      `unknown sql_variant base type 0x${code.toString(16).padStart(2, '0')}`,
    );
  }
  const fixed = FIXED[baseType];
  if (fixed) return decodeFixed(buf, at, valueLength, baseType, fixed[1]);
  if (SCALED_TIME[baseType] !== undefined) return decodeScaledTime(buf, offset, at, baseType);
  if (EXACT[baseType] !== undefined) return decodeExact(buf, offset, at, valueLength, baseType);
  if (CHARACTER[baseType] !== undefined) return decodeCharacter(buf, offset, at, valueLength, baseType);
  return decodeBinary(buf, offset, at, valueLength, baseType);
}

export const variantCodec: ValueCodec = { encode: encodeVariant, decode: decodeVariant };
