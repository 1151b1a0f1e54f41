import type { BcpValue, SqlVariantValue } from '../../../bacpac/bcp/types';
import { MssqlSourceError } from '../errors';
import { quoteName } from '../quote';
import { tdsCollationBytes } from './collation-bytes';
import { describe, normaliseDecimalText, parseBigIntText } from './decimal-text';
import {
  normaliseDateText,
  normaliseDateTime2Text,
  normaliseDateTimeOffsetText,
  normaliseDateTimeText,
  normaliseSmallDateTimeText,
  normaliseTimeText,
} from './temporal-text';

/** How many select-list values one sql_variant column occupies. */
export const SQL_VARIANT_VALUE_COUNT = 10;

/**
 * The select-list expressions that read a sql_variant column losslessly: its base type and the
 * base type's properties (SQL_VARIANT_PROPERTY), the collation facts needed for the 5-byte TDS
 * collation, the value as text in an exact style chosen by base type, and the value as bytes for
 * binary base types. Order matters: `readSqlVariant` consumes them in this order.
 */
export function sqlVariantExpressions(columnName: string): string[] {
  const c = quoteName(columnName);
  const base = `CAST(SQL_VARIANT_PROPERTY(${c}, 'BaseType') AS nvarchar(128))`;
  const collation = `CAST(SQL_VARIANT_PROPERTY(${c}, 'Collation') AS nvarchar(128))`;
  const text =
    `CASE ${base}` +
    ` WHEN N'money' THEN CONVERT(nvarchar(max), CAST(${c} AS money), 2)` +
    ` WHEN N'smallmoney' THEN CONVERT(nvarchar(max), CAST(${c} AS smallmoney), 2)` +
    ` WHEN N'float' THEN CONVERT(nvarchar(max), CAST(${c} AS float), 3)` +
    ` WHEN N'real' THEN CONVERT(nvarchar(max), CAST(CAST(${c} AS real) AS float), 3)` +
    ` WHEN N'date' THEN CONVERT(nvarchar(max), CAST(${c} AS date), 23)` +
    ` WHEN N'time' THEN CONVERT(nvarchar(max), CAST(${c} AS time(7)), 121)` +
    ` WHEN N'datetime2' THEN CONVERT(nvarchar(max), CAST(${c} AS datetime2(7)), 121)` +
    ` WHEN N'datetimeoffset' THEN CONVERT(nvarchar(max), CAST(${c} AS datetimeoffset(7)), 121)` +
    ` WHEN N'datetime' THEN CONVERT(nvarchar(max), CAST(${c} AS datetime), 121)` +
    ` WHEN N'smalldatetime' THEN CONVERT(nvarchar(max), CAST(${c} AS smalldatetime), 120)` +
    ` WHEN N'binary' THEN NULL WHEN N'varbinary' THEN NULL` +
    ` ELSE CONVERT(nvarchar(max), ${c}) END`;
  return [
    base,
    `CAST(SQL_VARIANT_PROPERTY(${c}, 'Precision') AS int)`,
    `CAST(SQL_VARIANT_PROPERTY(${c}, 'Scale') AS int)`,
    `CAST(SQL_VARIANT_PROPERTY(${c}, 'MaxLength') AS int)`,
    collation,
    `CAST(COLLATIONPROPERTY(${collation}, 'LCID') AS int)`,
    `CAST(COLLATIONPROPERTY(${collation}, 'ComparisonStyle') AS int)`,
    `CAST(COLLATIONPROPERTY(${collation}, 'Version') AS int)`,
    text,
    `CASE WHEN ${base} IN (N'binary', N'varbinary') THEN CAST(${c} AS varbinary(8000)) END`,
  ];
}

const CHARACTER_BASES = new Set(['char', 'varchar', 'nchar', 'nvarchar']);

/**
 * Builds the SqlVariantValue from the values `sqlVariantExpressions` selected (starting at
 * `offset`). NULL when the variant is NULL.
 */
export function readSqlVariant(
  values: readonly unknown[],
  offset: number,
  where: string,
): SqlVariantValue | null {
  const [base, precision, scale, maxLength, collation, lcid, style, version, text, bytes] = values.slice(
    offset,
    offset + SQL_VARIANT_VALUE_COUNT,
  );
  if (base === null || base === undefined) return null;
  if (typeof base !== 'string') {
    throw new MssqlSourceError('SQL_VALUE', `${where}: expected a base type name, found ${describe(base)}`);
  }
  const baseType = base.toLowerCase();
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const s = num(scale) ?? 0;
  const value = variantValue(baseType, text, bytes, s, where);
  const out: {
    -readonly [K in keyof SqlVariantValue]: SqlVariantValue[K];
  } = { kind: 'sql_variant', baseType, value };
  if (baseType === 'decimal' || baseType === 'numeric') {
    out.precision = num(precision);
    out.scale = s;
  } else if (baseType === 'time' || baseType === 'datetime2' || baseType === 'datetimeoffset') {
    out.scale = s;
  }
  if (CHARACTER_BASES.has(baseType) || baseType === 'binary' || baseType === 'varbinary') {
    out.maxLength = num(maxLength);
  }
  if (CHARACTER_BASES.has(baseType) && typeof collation === 'string') {
    const bytesOfCollation = tdsCollationBytes({
      name: collation,
      lcid: num(lcid) ?? 0,
      comparisonStyle: num(style) ?? 0,
      version: num(version) ?? 0,
    });
    if (bytesOfCollation === undefined) {
      throw new MssqlSourceError(
        'SQL_VALUE',
        `${where}: sql_variant ${baseType} value uses collation ${collation}, whose TDS sort order id is not known`,
      );
    }
    out.collation = bytesOfCollation;
  }
  return out;
}

function variantValue(
  baseType: string,
  text: unknown,
  bytes: unknown,
  scale: number,
  where: string,
): Exclude<BcpValue, null | SqlVariantValue> {
  const asText = (): string => {
    if (typeof text !== 'string') {
      throw new MssqlSourceError(
        'SQL_VALUE',
        `${where}: sql_variant ${baseType} value arrived as ${describe(text)}`,
      );
    }
    return text;
  };
  switch (baseType) {
    case 'tinyint':
    case 'smallint':
    case 'int': {
      const t = asText().trim();
      if (!/^-?\d+$/.test(t)) throw new MssqlSourceError('SQL_VALUE', `${where}: bad ${baseType} "${t}"`);
      return Number(t);
    }
    case 'bigint':
      return parseBigIntText(asText(), where);
    case 'bit':
      return asText().trim() === '1';
    case 'decimal':
    case 'numeric':
    case 'money':
    case 'smallmoney':
      return normaliseDecimalText(asText(), where);
    case 'float':
    case 'real': {
      const n = Number(asText().trim());
      if (!Number.isFinite(n))
        throw new MssqlSourceError('SQL_VALUE', `${where}: bad ${baseType} "${asText()}"`);
      return baseType === 'real' ? Math.fround(n) : n;
    }
    case 'date':
      return normaliseDateText(asText(), where);
    case 'time':
      return normaliseTimeText(asText(), scale, where);
    case 'datetime2':
      return normaliseDateTime2Text(asText(), scale, where);
    case 'datetimeoffset':
      return normaliseDateTimeOffsetText(asText(), scale, where);
    case 'datetime':
      return normaliseDateTimeText(asText(), where);
    case 'smalldatetime':
      return normaliseSmallDateTimeText(asText(), where);
    case 'uniqueidentifier':
      return asText().trim().toUpperCase();
    case 'char':
    case 'varchar':
    case 'nchar':
    case 'nvarchar':
      return asText();
    case 'binary':
    case 'varbinary':
      if (!Buffer.isBuffer(bytes)) {
        throw new MssqlSourceError(
          'SQL_VALUE',
          `${where}: sql_variant ${baseType} value arrived as ${describe(bytes)}`,
        );
      }
      return bytes;
    default:
      throw new MssqlSourceError('SQL_VALUE', `${where}: sql_variant base type ${baseType} is not supported`);
  }
}
