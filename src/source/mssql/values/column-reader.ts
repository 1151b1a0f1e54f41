import type { BcpColumn, BcpValue } from '../../../bacpac/bcp/types';
import { selectExpression } from './select-expression';
import { readSqlVariant, sqlVariantExpressions } from './sql-variant';
import { toBcpValue } from './to-bcp-value';

/** How one column is selected and how its selected values become a BcpValue. */
export interface ColumnReader {
  readonly column: BcpColumn;
  /** Select-list expressions for this column, in the order `read` consumes them. */
  readonly expressions: readonly string[];
  read(values: readonly unknown[], offset: number, where: string): BcpValue;
}

export function columnReader(column: BcpColumn): ColumnReader {
  if (column.type === 'sql_variant') {
    return {
      column,
      expressions: sqlVariantExpressions(column.name),
      read: (values, offset, where) => readSqlVariant(values, offset, where),
    };
  }
  return {
    column,
    expressions: [selectExpression(column)],
    read: (values, offset, where) => toBcpValue(column, values[offset], where),
  };
}

/** Reads a whole BcpRow from one driver row (array mode) with the columns' readers. */
export function rowReader(
  readers: readonly ColumnReader[],
  objectName: string,
): (values: readonly unknown[], rowNumber: number) => BcpValue[] {
  return (values, rowNumber) => {
    const row: BcpValue[] = new Array<BcpValue>(readers.length);
    let offset = 0;
    for (let i = 0; i < readers.length; i++) {
      const reader = readers[i] as ColumnReader;
      row[i] = reader.read(values, offset, `${objectName}.[${reader.column.name}] row ${rowNumber}`);
      offset += reader.expressions.length;
    }
    return row;
  };
}
