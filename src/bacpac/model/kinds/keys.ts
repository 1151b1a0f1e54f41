import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';

/** One key column of a primary key, unique constraint or index. IsAscending (DESC keys) is an assumption. */
export interface SqlIndexedColumnSpecification extends ElementBase<
  'SqlIndexedColumnSpecification',
  { readonly IsAscending?: boolean },
  { readonly Column?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

interface KeyProperties {
  readonly IsClustered?: boolean;
}

interface KeyRelationships {
  readonly ColumnSpecifications?: readonly SqlIndexedColumnSpecification[];
  readonly DefiningTable?: Reference;
  readonly Filegroup?: Reference;
}

/**
 * `[schema].[constraint]`, or unnamed with a SqlInlineConstraintAnnotation when SQL Server named it.
 * IsClustered is written only as False. Filegroup is an assumption.
 */
export interface SqlPrimaryKeyConstraint extends ElementBase<
  'SqlPrimaryKeyConstraint',
  KeyProperties,
  KeyRelationships
> {
  /** Absent when SQL Server named the constraint itself (see SqlInlineConstraintAnnotation). */
  readonly name?: string;
}

/** IsClustered is written only as True (an assumption: no fixture has a clustered unique constraint). */
export interface SqlUniqueConstraint extends ElementBase<
  'SqlUniqueConstraint',
  KeyProperties,
  KeyRelationships
> {
  /** Absent when SQL Server named the constraint itself (see SqlInlineConstraintAnnotation). */
  readonly name?: string;
}

export const indexedColumnSpecificationKind = defineKind<SqlIndexedColumnSpecification>({
  type: 'SqlIndexedColumnSpecification',
  naming: 'unnamed',
  properties: [p.bool('IsAscending', true)],
  relationships: [r.one('Column')],
});

const keyRelationships = [
  r.many('ColumnSpecifications', ['SqlIndexedColumnSpecification']),
  r.one('DefiningTable'),
  r.one('Filegroup'),
];

export const primaryKeyKind = defineKind<SqlPrimaryKeyConstraint>({
  type: 'SqlPrimaryKeyConstraint',
  naming: 'either',
  properties: [p.bool('IsClustered', true)],
  relationships: keyRelationships,
});

export const uniqueConstraintKind = defineKind<SqlUniqueConstraint>({
  type: 'SqlUniqueConstraint',
  naming: 'either',
  properties: [p.bool('IsClustered', false)],
  relationships: keyRelationships,
});
