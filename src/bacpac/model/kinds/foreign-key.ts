import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';

/**
 * `SqlForeignKeyConstraint`. OnDeleteAction/OnUpdateAction: 0 no action (left out), 1 cascade
 * (seen), 2 set null and 3 set default (DacFx's enumeration; not seen). OnUpdateAction and
 * IsNotForReplication follow DacFx's naming; no fixture shows them.
 */
export interface SqlForeignKeyConstraint extends ElementBase<
  'SqlForeignKeyConstraint',
  {
    readonly OnDeleteAction?: number;
    readonly OnUpdateAction?: number;
    readonly IsNotForReplication?: boolean;
  },
  {
    readonly Columns?: readonly Reference[];
    readonly DefiningTable?: Reference;
    readonly ForeignColumns?: readonly Reference[];
    readonly ForeignTable?: Reference;
  }
> {
  /** Absent when SQL Server named the constraint itself (see SqlInlineConstraintAnnotation). */
  readonly name?: string;
}

export const foreignKeyKind = defineKind<SqlForeignKeyConstraint>({
  type: 'SqlForeignKeyConstraint',
  naming: 'either',
  properties: [p.int('OnDeleteAction', 0), p.int('OnUpdateAction', 0), p.bool('IsNotForReplication', false)],
  relationships: [r.many('Columns'), r.one('DefiningTable'), r.many('ForeignColumns'), r.one('ForeignTable')],
});
