import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/** `SqlCheckConstraint`. IsNotForReplication is an assumption (DacFx naming, not seen). */
export interface SqlCheckConstraint extends ElementBase<
  'SqlCheckConstraint',
  { readonly CheckExpressionScript?: Script; readonly IsNotForReplication?: boolean },
  { readonly CheckExpressionDependencies?: readonly Reference[]; readonly DefiningTable?: Reference }
> {
  /** Absent when SQL Server named the constraint itself (see SqlInlineConstraintAnnotation). */
  readonly name?: string;
}

/** `SqlDefaultConstraint`. ExpressionDependencies is an assumption (DacFx naming, not seen). */
export interface SqlDefaultConstraint extends ElementBase<
  'SqlDefaultConstraint',
  { readonly DefaultExpressionScript?: Script },
  {
    readonly DefiningTable?: Reference;
    readonly ExpressionDependencies?: readonly Reference[];
    readonly ForColumn?: Reference;
  }
> {
  /** Absent when SQL Server named the constraint itself (see SqlInlineConstraintAnnotation). */
  readonly name?: string;
}

export const checkConstraintKind = defineKind<SqlCheckConstraint>({
  type: 'SqlCheckConstraint',
  naming: 'either',
  properties: [p.script('CheckExpressionScript'), p.bool('IsNotForReplication', false)],
  relationships: [r.many('CheckExpressionDependencies'), r.one('DefiningTable')],
});

export const defaultConstraintKind = defineKind<SqlDefaultConstraint>({
  type: 'SqlDefaultConstraint',
  naming: 'either',
  properties: [p.script('DefaultExpressionScript')],
  relationships: [r.one('DefiningTable'), r.many('ExpressionDependencies'), r.one('ForColumn')],
});
