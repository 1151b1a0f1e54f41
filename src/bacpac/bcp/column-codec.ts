import { BacpacError } from '../errors';
import { fixedBinaryCodec, variableBinaryCodec } from './binary';
import { fixedTextCodec, variableTextCodec } from './character';
import { dateCodec, datetime2Codec, datetimeoffsetCodec, timeCodec } from './datetime2';
import { decimalCodec } from './decimal';
import { type FieldLayout, fieldLayout } from './field-layout';
import { floatCodec, realCodec } from './floating';
import { guidCodec } from './guid';
import { bigintCodec, bitCodec, smallIntegerCodec } from './integer';
import { datetimeCodec, smalldatetimeCodec } from './legacy-datetime';
import { moneyCodec, smallmoneyCodec } from './money';
import type { BcpColumn } from './types';
import { type ValueCodec, typeLabel } from './value-codec';
import { variantCodec } from './variant';

/** A column made ready for the row encoder and decoder: its framing and its value codec. */
export interface CompiledColumn {
  readonly column: BcpColumn;
  readonly label: string;
  readonly layout: FieldLayout;
  readonly codec: ValueCodec;
}

function checkedScale(column: BcpColumn, max: number, fallback: number): number {
  const scale = column.scale ?? fallback;
  if (!Number.isInteger(scale) || scale < 0 || scale > max) {
    throw new BacpacError(
      'BCP_BAD_COLUMN',
      `column ${column.name}: ${column.type} needs a scale from 0 to ${max}, found ${scale}`,
      {
        column: column.name,
      },
    );
  }
  return scale;
}

function valueCodec(column: BcpColumn, layout: FieldLayout, label: string): ValueCodec {
  switch (column.type) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      return smallIntegerCodec(column.type);
    case 'bigint':
      return bigintCodec;
    case 'bit':
      return bitCodec;
    case 'decimal':
    case 'numeric': {
      const precision = column.precision ?? 18;
      if (!Number.isInteger(precision) || precision < 1 || precision > 38) {
        throw new BacpacError(
          'BCP_BAD_COLUMN',
          `column ${column.name}: precision must be 1 to 38, found ${precision}`,
          {
            column: column.name,
          },
        );
      }
      return decimalCodec(column.type, precision, checkedScale(column, precision, 0));
    }
    case 'money':
      return moneyCodec;
    case 'smallmoney':
      return smallmoneyCodec;
    case 'real':
      return realCodec;
    case 'float':
      return floatCodec;
    case 'date':
      return dateCodec;
    case 'time':
      return timeCodec(checkedScale(column, 7, 0));
    case 'datetime2':
      return datetime2Codec(checkedScale(column, 7, 0));
    case 'datetimeoffset':
      return datetimeoffsetCodec(checkedScale(column, 7, 0));
    case 'datetime':
      return datetimeCodec;
    case 'smalldatetime':
      return smalldatetimeCodec;
    case 'uniqueidentifier':
      return guidCodec;
    case 'char':
    case 'nchar':
      return fixedTextCodec(label, layout.fixedLength / 2);
    case 'varchar':
    case 'nvarchar':
    case 'sysname':
    case 'text':
    case 'ntext':
    case 'xml':
      return variableTextCodec(label, Math.floor(layout.maxLength / 2));
    case 'binary':
      return fixedBinaryCodec(label, layout.fixedLength, true);
    case 'rowversion':
      return fixedBinaryCodec(label, 8, false);
    case 'varbinary':
    case 'image':
    case 'geography':
    case 'geometry':
    case 'hierarchyid':
      return variableBinaryCodec(label, layout.maxLength);
    case 'sql_variant':
      return variantCodec;
  }
}

export function compileColumn(column: BcpColumn): CompiledColumn {
  const layout = fieldLayout(column);
  const label = typeLabel(column);
  return { column, label, layout, codec: valueCodec(column, layout, label) };
}

const cache = new WeakMap<readonly BcpColumn[], readonly CompiledColumn[]>();

/** Compiles a column list once; later calls with the same array reuse the result. */
export function compileColumns(columns: readonly BcpColumn[]): readonly CompiledColumn[] {
  let compiled = cache.get(columns);
  if (!compiled) {
    compiled = columns.map(compileColumn);
    cache.set(columns, compiled);
  }
  return compiled;
}
