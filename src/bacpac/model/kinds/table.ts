import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';
import type { SqlComputedColumn, SqlSimpleColumn } from './columns';

/**
 * `SqlTable` `[schema].[table]`: columns nested in table order. Filegroup, FilegroupForTextImage,
 * IsTracked, LockEscalation and IsMemoryOptimized follow DacFx's naming but no fixture shows them.
 */
export interface SqlTable extends ElementBase<
  'SqlTable',
  {
    readonly IsAnsiNullsOn?: boolean;
    readonly IsMemoryOptimized?: boolean;
    readonly IsTracked?: boolean;
    readonly LockEscalation?: number;
  },
  {
    readonly Columns?: readonly (SqlSimpleColumn | SqlComputedColumn)[];
    readonly Filegroup?: Reference;
    readonly FilegroupForTextImage?: Reference;
    readonly Schema?: Reference;
  }
> {
  readonly name: string;
}

export const tableKind = defineKind<SqlTable>({
  type: 'SqlTable',
  naming: 'named',
  properties: [
    p.bool('IsAnsiNullsOn', false),
    p.bool('IsMemoryOptimized', false),
    p.bool('IsTracked', false),
    p.int('LockEscalation', 0),
  ],
  relationships: [
    r.many('Columns', ['SqlSimpleColumn', 'SqlComputedColumn']),
    r.one('Filegroup'),
    r.one('FilegroupForTextImage'),
    r.one('Schema'),
  ],
});
