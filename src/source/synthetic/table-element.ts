import type { SqlTable } from '../../bacpac/model';
import { builtIn, ref } from '../../bacpac/model';
import { column } from './model-parts';
import type { SyntheticTable } from './synthetic-table';

/**
 * The SqlTable element of a synthetic table: columns in table order, computed ones included, and
 * the identity column's `[LastValue]` set to the last identity value the rows use.
 */
export function tableElement(table: SyntheticTable): SqlTable {
  const lastValue = String(table.rowCount);
  return {
    type: 'SqlTable',
    name: table.qualifiedName,
    properties: { IsAnsiNullsOn: true },
    relationships: {
      Columns: table.columns.map((shape) => column(table.qualifiedName, shape, lastValue)),
      Schema: table.schema === 'dbo' ? builtIn('[dbo]') : ref(`[${table.schema}]`),
    },
  };
}
