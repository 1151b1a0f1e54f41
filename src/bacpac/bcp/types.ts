/**
 * The column and value contract of the BCP native codec. A column is described by its base SQL type
 * (alias types already resolved to their base type by the caller), its nullability as declared in
 * model.xml, and the type facets that change the encoding. Computed columns never appear here: they
 * are not part of a BACPAC's data.
 */
export type BcpSqlType =
  | 'tinyint'
  | 'smallint'
  | 'int'
  | 'bigint'
  | 'bit'
  | 'decimal'
  | 'numeric'
  | 'money'
  | 'smallmoney'
  | 'real'
  | 'float'
  | 'date'
  | 'time'
  | 'datetime'
  | 'smalldatetime'
  | 'datetime2'
  | 'datetimeoffset'
  | 'uniqueidentifier'
  | 'char'
  | 'varchar'
  | 'text'
  | 'nchar'
  | 'nvarchar'
  | 'ntext'
  | 'sysname'
  | 'binary'
  | 'varbinary'
  | 'image'
  | 'xml'
  | 'rowversion'
  | 'sql_variant'
  | 'geography'
  | 'geometry'
  | 'hierarchyid';

export interface BcpColumn {
  /** Column name, used in error messages. */
  readonly name: string;
  readonly type: BcpSqlType;
  /** False only when model.xml says `IsNullable="False"` for the column (or its alias type). */
  readonly nullable: boolean;
  /** Declared length in characters (n-types count characters) or bytes; absent for (max) and fixed types. */
  readonly length?: number;
  /** True for varchar(max), nvarchar(max) and varbinary(max). */
  readonly isMax?: boolean;
  /** decimal/numeric precision (1-38). */
  readonly precision?: number;
  /**
   * decimal/numeric scale, or the fractional-second scale (0-7) of time, datetime2 and
   * datetimeoffset. Absent means 0, as in model.xml, which leaves out `Scale` when it is 0
   * (so `datetime2(7)` must carry `scale: 7`). An absent decimal precision means 18.
   */
  readonly scale?: number;
}

/**
 * Values, one JS representation per type family, chosen so that no exact value passes through a
 * JS number:
 * - tinyint, smallint, int: number (a safe integer); bigint: bigint
 * - bit: boolean
 * - decimal, numeric, money, smallmoney: decimal string (`-123.4500`)
 * - real, float: number
 * - date `YYYY-MM-DD`; time `hh:mm:ss[.fffffff]`; datetime `YYYY-MM-DD hh:mm:ss.fff`;
 *   smalldatetime `YYYY-MM-DD hh:mm:ss`; datetime2 `YYYY-MM-DD hh:mm:ss[.fffffff]`;
 *   datetimeoffset `YYYY-MM-DD hh:mm:ss[.fffffff] +hh:mm` (local time and its offset)
 * - uniqueidentifier: upper-case canonical GUID text
 * - char, varchar, text, nchar, nvarchar, ntext, sysname, xml: string
 * - binary, varbinary, image, rowversion, geography, geometry, hierarchyid: Buffer
 * - sql_variant: SqlVariantValue
 * - NULL: null
 */
export type BcpValue = null | number | bigint | boolean | string | Buffer | SqlVariantValue;

/**
 * A sql_variant value: its base type, the base type's properties and the value itself. Base types:
 * tinyint, smallint, int, bigint, bit, real, float, money, smallmoney, decimal, numeric, date,
 * time, datetime2, datetimeoffset, datetime, smalldatetime, uniqueidentifier, char, varchar, nchar,
 * nvarchar, binary, varbinary. The decoder fills in every property it read, so a decoded value
 * encodes back to the same bytes; when encoding, an absent `maxLength` is the value's own byte
 * length, an absent `collation` is SQL_Latin1_General_CP1_CI_AS, and an absent scale is 7 for the
 * time types and 0 for decimal/numeric (precision 18).
 */
export interface SqlVariantValue {
  readonly kind: 'sql_variant';
  /** Base type name as SQL Server names it (`varchar`, `int`, `decimal`, `nvarchar`, ...). */
  readonly baseType: string;
  /** The value in the representation its base type uses above. */
  readonly value: Exclude<BcpValue, null | SqlVariantValue>;
  readonly precision?: number;
  readonly scale?: number;
  /** Declared maximum length in bytes, for string and binary base types. */
  readonly maxLength?: number;
  /** The 5-byte TDS collation of a character base type. */
  readonly collation?: Buffer;
}

export type BcpRow = readonly BcpValue[];
