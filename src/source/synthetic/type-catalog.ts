import type { BcpValue } from '../../bacpac/bcp/types';
import { GUID_MAX, GUID_MIN, randomBytes, randomGuid, randomVarbinary } from './binary-values';
import type { ColumnType } from './model-parts';
import {
  FLOAT_MAX,
  FLOAT_MIN_NORMAL,
  MONEY_MAX,
  MONEY_MIN,
  REAL_MAX,
  REAL_MIN_NORMAL,
  SMALLMONEY_MAX,
  SMALLMONEY_MIN,
  decimalLimit,
  randomBigint,
  randomDecimal,
  randomFloat,
  randomMoney,
  randomReal,
  randomSmallmoney,
} from './numeric-values';
import type { Rng } from './prng';
import {
  HIERARCHYIDS,
  REAL_GEOGRAPHY,
  REAL_GEOMETRY,
  randomGeography,
  randomGeometry,
  randomHierarchyid,
} from './spatial-values';
import {
  randomDate,
  randomDatetime,
  randomDatetime2,
  randomDatetimeoffset,
  randomSmalldatetime,
  randomTime,
} from './temporal-values';
import { longText, padded, randomLatinText, randomUnicodeText, randomXml } from './text-values';
import { VARIANTS, randomVariant } from './variant-values';

/**
 * One column per type the BCP codec supports, with how to make its values: a random value, the
 * low and high ends of its range, an edge value (empty string or binary, 100 ns, the root
 * hierarchyid, ...) and, for the large-object types, a big value (the varbinary(max) one is over
 * 100 KB). The rowversion column is not here: its value depends only on the row (see all-types.ts).
 */
export interface TypeSample {
  readonly name: string;
  readonly type: ColumnType;
  readonly random: (rng: Rng, rowNumber: number) => BcpValue;
  readonly low: BcpValue;
  readonly high: BcpValue;
  readonly edge: BcpValue;
  readonly big?: (rng: Rng) => BcpValue;
}

const ff = (length: number): Buffer => Buffer.alloc(length, 0xff);
const int = (min: number, max: number) => (rng: Rng) => rng.int(min, max);
const decimal = (precision: number, scale: number) => (rng: Rng) => randomDecimal(rng, precision, scale);

/** The alias type every all-types table uses (defined in the model as varchar(20)). */
export const ACCOUNT_CODE_TYPE = '[dbo].[AccountCode]';

export const TYPE_SAMPLES: readonly TypeSample[] = [
  {
    name: 'c_int',
    type: { name: 'int' },
    random: int(-2147483648, 2147483647),
    low: -2147483648,
    high: 2147483647,
    edge: 0,
  },
  { name: 'c_tinyint', type: { name: 'tinyint' }, random: int(0, 255), low: 0, high: 255, edge: 1 },
  {
    name: 'c_smallint',
    type: { name: 'smallint' },
    random: int(-32768, 32767),
    low: -32768,
    high: 32767,
    edge: -1,
  },
  {
    name: 'c_bigint',
    type: { name: 'bigint' },
    random: randomBigint,
    low: -(2n ** 63n),
    high: 2n ** 63n - 1n,
    edge: 0n,
  },
  {
    name: 'c_bit',
    type: { name: 'bit' },
    random: (rng) => rng.chance(0.5),
    low: false,
    high: true,
    edge: false,
  },
  {
    name: 'c_decimal_38_0',
    type: { name: 'decimal', precision: 38, scale: 0 },
    random: decimal(38, 0),
    low: decimalLimit(38, 0, true),
    high: decimalLimit(38, 0, false),
    edge: '0',
  },
  {
    name: 'c_decimal_18_4',
    type: { name: 'decimal', precision: 18, scale: 4 },
    random: decimal(18, 4),
    low: decimalLimit(18, 4, true),
    high: decimalLimit(18, 4, false),
    edge: '0.0001',
  },
  {
    name: 'c_decimal_38_38',
    type: { name: 'decimal', precision: 38, scale: 38 },
    random: decimal(38, 38),
    low: decimalLimit(38, 38, true),
    high: decimalLimit(38, 38, false),
    edge: `0.${'0'.repeat(37)}1`,
  },
  {
    name: 'c_numeric_10_3',
    type: { name: 'numeric', precision: 10, scale: 3 },
    random: decimal(10, 3),
    low: decimalLimit(10, 3, true),
    high: decimalLimit(10, 3, false),
    edge: '-0.001',
  },
  {
    name: 'c_money',
    type: { name: 'money' },
    random: randomMoney,
    low: MONEY_MIN,
    high: MONEY_MAX,
    edge: '-0.0001',
  },
  {
    name: 'c_smallmoney',
    type: { name: 'smallmoney' },
    random: randomSmallmoney,
    low: SMALLMONEY_MIN,
    high: SMALLMONEY_MAX,
    edge: '0.0000',
  },
  {
    name: 'c_real',
    type: { name: 'real' },
    random: randomReal,
    low: -REAL_MAX,
    high: REAL_MAX,
    edge: REAL_MIN_NORMAL,
  },
  {
    name: 'c_float',
    type: { name: 'float', precision: 53 },
    random: randomFloat,
    low: -FLOAT_MAX,
    high: FLOAT_MAX,
    edge: FLOAT_MIN_NORMAL,
  },
  {
    name: 'c_date',
    type: { name: 'date' },
    random: randomDate,
    low: '0001-01-01',
    high: '9999-12-31',
    edge: '2024-02-29',
  },
  {
    name: 'c_time_7',
    type: { name: 'time', scale: 7 },
    random: (rng) => randomTime(rng, 7),
    low: '00:00:00.0000000',
    high: '23:59:59.9999999',
    edge: '00:00:00.0000001',
  },
  {
    name: 'c_time_0',
    type: { name: 'time', scale: 0 },
    random: (rng) => randomTime(rng, 0),
    low: '00:00:00',
    high: '23:59:59',
    edge: '12:00:00',
  },
  {
    name: 'c_datetime',
    type: { name: 'datetime' },
    random: randomDatetime,
    low: '1753-01-01 00:00:00.000',
    high: '9999-12-31 23:59:59.997',
    edge: '1900-01-01 00:00:00.003',
  },
  {
    name: 'c_smalldatetime',
    type: { name: 'smalldatetime' },
    random: randomSmalldatetime,
    low: '1900-01-01 00:00:00',
    high: '2079-06-06 23:59:00',
    edge: '2000-02-29 12:34:00',
  },
  {
    name: 'c_datetime2_7',
    type: { name: 'datetime2', scale: 7 },
    random: (rng) => randomDatetime2(rng, 7),
    low: '0001-01-01 00:00:00.0000000',
    high: '9999-12-31 23:59:59.9999999',
    edge: '2024-02-29 00:00:00.0000001',
  },
  {
    name: 'c_datetime2_0',
    type: { name: 'datetime2', scale: 0 },
    random: (rng) => randomDatetime2(rng, 0),
    low: '0001-01-01 00:00:00',
    high: '9999-12-31 23:59:59',
    edge: '1970-01-01 00:00:00',
  },
  {
    name: 'c_datetimeoffset_7',
    type: { name: 'datetimeoffset', scale: 7 },
    random: randomDatetimeoffset,
    low: '0001-01-01 00:00:00.0000000 -14:00',
    high: '9999-12-31 23:59:59.9999999 +14:00',
    edge: '2024-02-29 23:30:00.0000001 +05:45',
  },
  {
    name: 'c_uniqueidentifier',
    type: { name: 'uniqueidentifier' },
    random: randomGuid,
    low: GUID_MIN,
    high: GUID_MAX,
    edge: '6F9619FF-8B86-D011-B42D-00C04FC964FF',
  },
  {
    name: 'c_char_10',
    type: { name: 'char', length: 10 },
    random: (rng) => padded(randomLatinText(rng, 10), 10),
    low: padded('', 10),
    high: 'ÿ'.repeat(10),
    edge: padded('€', 10),
  },
  {
    name: 'c_varchar_50',
    type: { name: 'varchar', length: 50 },
    random: (rng) => randomLatinText(rng, 50),
    low: '',
    high: 'Zürich '.repeat(7).slice(0, 49) + 'Z',
    edge: ' ',
  },
  {
    name: 'c_varchar_max',
    type: { name: 'varchar', isMax: true },
    random: (rng) => randomLatinText(rng, 300),
    low: '',
    high: 'x'.repeat(8001),
    edge: ' ',
    big: (rng) => longText(rng, 20_000, false),
  },
  {
    name: 'c_nchar_10',
    type: { name: 'nchar', length: 10 },
    random: (rng) => padded(randomUnicodeText(rng, 10), 10),
    low: padded('', 10),
    high: '𝄞'.repeat(5),
    edge: padded('e\u0301', 10),
  },
  {
    name: 'c_nvarchar_100',
    type: { name: 'nvarchar', length: 100 },
    random: (rng) => randomUnicodeText(rng, 100),
    low: '',
    high: '😀'.repeat(50),
    edge: 'e\u0301 👩‍💻 𝄞 עברית 日本語',
  },
  {
    name: 'c_nvarchar_max',
    type: { name: 'nvarchar', isMax: true },
    random: (rng) => randomUnicodeText(rng, 400),
    low: '',
    high: '語'.repeat(4001),
    edge: '\u200b',
    big: (rng) => longText(rng, 60_000, true),
  },
  {
    name: 'c_text',
    type: { name: 'text' },
    random: (rng) => randomLatinText(rng, 200),
    low: '',
    high: 'T'.repeat(9000),
    edge: ' ',
    big: (rng) => longText(rng, 30_000, false),
  },
  {
    name: 'c_ntext',
    type: { name: 'ntext' },
    random: (rng) => randomUnicodeText(rng, 200),
    low: '',
    high: 'Ω'.repeat(9000),
    edge: '😀',
    big: (rng) => longText(rng, 30_000, true),
  },
  {
    name: 'c_binary_16',
    type: { name: 'binary', length: 16 },
    random: (rng) => randomBytes(rng, 16),
    low: Buffer.alloc(16),
    high: ff(16),
    edge: Buffer.from('0123456789abcdef0123456789abcdef', 'hex'),
  },
  {
    name: 'c_varbinary_64',
    type: { name: 'varbinary', length: 64 },
    random: (rng) => randomVarbinary(rng, 64),
    low: Buffer.alloc(0),
    high: ff(64),
    edge: Buffer.alloc(1),
  },
  {
    name: 'c_varbinary_max',
    type: { name: 'varbinary', isMax: true },
    random: (rng) => randomVarbinary(rng, 600),
    low: Buffer.alloc(0),
    high: ff(8001),
    edge: Buffer.alloc(1),
    big: (rng) => randomBytes(rng, 150 * 1024),
  },
  {
    name: 'c_image',
    type: { name: 'image' },
    random: (rng) => randomVarbinary(rng, 300),
    low: Buffer.alloc(0),
    high: ff(9000),
    edge: Buffer.from('47494638396101000100800000000000ffffff2c00000000010001000002024401003b', 'hex'),
    big: (rng) => randomBytes(rng, 110 * 1024),
  },
  {
    name: 'c_xml',
    type: { name: 'xml' },
    random: (rng, rowNumber) => randomXml(rng, rowNumber),
    low: '<a/>',
    high: `<list>${'<i n="1">&lt;ok&gt; &amp; 😀</i>'.repeat(300)}</list>`,
    edge: '<?pi data?><!--comment--><r xmlns="urn:bacpac-flow:demo" xml:lang="de">Grüße</r>',
  },
  {
    name: 'c_sql_variant',
    type: { name: 'sql_variant' },
    random: randomVariant,
    low: VARIANTS[0] ?? null,
    high: VARIANTS[5] ?? null,
    edge: VARIANTS[11] ?? null,
  },
  {
    name: 'c_geography',
    type: { name: 'sys.geography' },
    random: randomGeography,
    low: REAL_GEOGRAPHY[0] ?? null,
    high: REAL_GEOGRAPHY[1] ?? null,
    edge: REAL_GEOGRAPHY[0] ?? null,
  },
  {
    name: 'c_geometry',
    type: { name: 'sys.geometry' },
    random: randomGeometry,
    low: REAL_GEOMETRY[0] ?? null,
    high: REAL_GEOMETRY[1] ?? null,
    edge: REAL_GEOMETRY[0] ?? null,
  },
  {
    name: 'c_hierarchyid',
    type: { name: 'sys.hierarchyid' },
    random: randomHierarchyid,
    low: HIERARCHYIDS[0] ?? null,
    high: HIERARCHYIDS[1] ?? null,
    edge: HIERARCHYIDS[0] ?? null,
  },
  {
    name: 'c_sysname',
    type: { name: 'sys.sysname' },
    random: (rng) => randomUnicodeText(rng, 128),
    low: '',
    high: 'ß'.repeat(128),
    edge: 'dbo',
  },
  {
    name: 'c_alias',
    type: { name: ACCOUNT_CODE_TYPE, alias: true },
    random: (rng) => `AC-${rng.int(0, 99_999_999)}`,
    low: '',
    high: 'Z'.repeat(20),
    edge: 'AC-0',
  },
];
