import type { BcpColumn } from '../../../bacpac/bcp/types';
import { quoteName } from '../quote';

/**
 * The select-list expression that reads one column losslessly. Exact numbers and all date and
 * time types are converted to text on the server (decimal digits and 100 ns fractions survive;
 * money with style 2 keeps four decimals; date/time styles 23, 120 and 121 are the ODBC canonical
 * forms, and datetimeoffset keeps its offset). Character types are read as nvarchar (the BCP data
 * is UTF-16 anyway, and the server converts from any code page). CLR types and image are read as
 * varbinary(max), which is the serialized form the BCP data holds. sql_variant uses
 * `sqlVariantExpressions` instead.
 */
export function selectExpression(column: BcpColumn): string {
  const c = quoteName(column.name);
  switch (column.type) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bit':
    case 'real':
    case 'float':
    case 'nchar':
    case 'nvarchar':
    case 'sysname':
    case 'binary':
    case 'varbinary':
    case 'rowversion':
      return c;
    case 'bigint':
      return `CONVERT(varchar(20), ${c})`;
    case 'decimal':
    case 'numeric':
      return `CONVERT(varchar(41), ${c})`;
    case 'money':
    case 'smallmoney':
      return `CONVERT(varchar(30), ${c}, 2)`;
    case 'date':
      return `CONVERT(char(10), ${c}, 23)`;
    case 'time':
      return `CONVERT(varchar(16), ${c}, 121)`;
    case 'datetime2':
      return `CONVERT(varchar(27), ${c}, 121)`;
    case 'datetimeoffset':
      return `CONVERT(varchar(34), ${c}, 121)`;
    case 'datetime':
      return `CONVERT(varchar(23), ${c}, 121)`;
    case 'smalldatetime':
      return `CONVERT(varchar(19), ${c}, 120)`;
    case 'uniqueidentifier':
      return `CONVERT(char(36), ${c})`;
    case 'char':
    case 'varchar':
      return column.isMax === true || (column.length ?? 8000) > 4000
        ? `CAST(${c} AS nvarchar(max))`
        : `CAST(${c} AS nvarchar(${column.length ?? 1}))`;
    case 'text':
    case 'ntext':
      return `CAST(${c} AS nvarchar(max))`;
    case 'xml':
      return `CONVERT(nvarchar(max), ${c})`;
    case 'image':
    case 'geography':
    case 'geometry':
    case 'hierarchyid':
      return `CAST(${c} AS varbinary(max))`;
    case 'sql_variant':
      throw new Error(`sql_variant column ${column.name} is read through sqlVariantExpressions`);
  }
}
