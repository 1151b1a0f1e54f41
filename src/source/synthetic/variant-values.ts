import type { SqlVariantValue } from '../../bacpac/bcp/types';
import type { Rng } from './prng';

/**
 * sql_variant values of several base types, each written with every property the BCP decoder
 * fills in (maxLength and collation for character types, precision and scale for decimal, scale for
 * the time types), so a decoded value equals the generated one. The varchar value and its
 * collation bytes (SQL_Latin1_General_CP1_CI_AS) are the ones in the bacpactod-Test fixture.
 */

const LATIN1_GENERAL_CP1_CI_AS = Buffer.from('0904d00034', 'hex');

function nvarchar(value: string): SqlVariantValue {
  return {
    kind: 'sql_variant',
    baseType: 'nvarchar',
    value,
    maxLength: Buffer.byteLength(value, 'utf16le'),
    collation: LATIN1_GENERAL_CP1_CI_AS,
  };
}

export const VARIANTS: readonly SqlVariantValue[] = [
  { kind: 'sql_variant', baseType: 'int', value: 1 },
  {
    kind: 'sql_variant',
    baseType: 'varchar',
    value: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    maxLength: 26,
    collation: LATIN1_GENERAL_CP1_CI_AS,
  },
  nvarchar('Grüße 😀 日本'),
  { kind: 'sql_variant', baseType: 'bigint', value: -9_007_199_254_740_993n },
  { kind: 'sql_variant', baseType: 'decimal', value: '-12345.6789', precision: 18, scale: 4 },
  { kind: 'sql_variant', baseType: 'money', value: '922337203685477.5807' },
  { kind: 'sql_variant', baseType: 'float', value: 3.141592653589793 },
  { kind: 'sql_variant', baseType: 'bit', value: true },
  { kind: 'sql_variant', baseType: 'date', value: '9999-12-31' },
  { kind: 'sql_variant', baseType: 'datetime', value: '2003-02-01 01:02:03.007' },
  { kind: 'sql_variant', baseType: 'datetime2', value: '2024-02-29 12:34:56.1234567', scale: 7 },
  {
    kind: 'sql_variant',
    baseType: 'datetimeoffset',
    value: '2024-02-29 23:30:00.0000001 -05:30',
    scale: 7,
  },
  { kind: 'sql_variant', baseType: 'uniqueidentifier', value: '6F9619FF-8B86-D011-B42D-00C04FC964FF' },
  { kind: 'sql_variant', baseType: 'varbinary', value: Buffer.from('00ff10', 'hex'), maxLength: 3 },
];

export function randomVariant(rng: Rng, rowNumber: number): SqlVariantValue {
  if (rng.chance(0.3)) return { kind: 'sql_variant', baseType: 'int', value: rowNumber };
  return rng.pick(VARIANTS);
}
