import { unicodeLiteral } from '../quote';

/** Key column types whose statistics can split a table, and how their exact text is made. */
const NUMERIC = new Set(['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric']);
const MONEY = new Set(['money', 'smallmoney']);
const TEMPORAL_121 = new Set(['time', 'datetime', 'datetime2', 'datetimeoffset']);
const STRING = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'sysname']);

export interface KeyColumnType {
  /** Base type name (`int`, `datetime2`, `nvarchar`, ...). */
  readonly type: string;
  /** The type as written in T-SQL with its facets: `decimal(18,2)`, `nvarchar(50)`, `datetime2(7)`. */
  readonly declaration: string;
}

export function canSplitOn(type: string): boolean {
  return (
    NUMERIC.has(type) ||
    MONEY.has(type) ||
    TEMPORAL_121.has(type) ||
    STRING.has(type) ||
    type === 'date' ||
    type === 'smalldatetime' ||
    type === 'uniqueidentifier'
  );
}

/**
 * The server-side expression that renders a histogram's RANGE_HI_KEY (a sql_variant) as exact
 * text for a key of the given type. The value is first cast back to the key's own type, so
 * the style applies to that type and not to sql_variant.
 */
export function histogramKeyTextExpression(key: KeyColumnType, variant: string): string {
  const typed = `CAST(${variant} AS ${key.declaration})`;
  if (NUMERIC.has(key.type)) return `CONVERT(nvarchar(60), ${typed})`;
  if (MONEY.has(key.type)) return `CONVERT(nvarchar(60), ${typed}, 2)`;
  if (TEMPORAL_121.has(key.type)) return `CONVERT(nvarchar(60), ${typed}, 121)`;
  if (key.type === 'date') return `CONVERT(nvarchar(60), ${typed}, 23)`;
  if (key.type === 'smalldatetime') return `CONVERT(nvarchar(60), ${typed}, 120)`;
  if (key.type === 'uniqueidentifier') return `CONVERT(nvarchar(60), ${typed})`;
  return `CAST(${typed} AS nvarchar(4000))`;
}

/** The exact T-SQL literal of a key value given as the text above: `CAST(N'…' AS datetime2(7))`. */
export function keyLiteral(key: KeyColumnType, text: string): string {
  if (NUMERIC.has(key.type) || MONEY.has(key.type)) {
    if (!/^-?\d*\.?\d*$/.test(text.trim()) || text.trim() === '') {
      throw new Error(`key value "${text}" is not a ${key.type}`);
    }
    return `CAST(${text.trim()} AS ${key.declaration})`;
  }
  return `CAST(${unicodeLiteral(text)} AS ${key.declaration})`;
}
