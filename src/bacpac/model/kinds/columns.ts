import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlTypeSpecifier, SqlXmlTypeSpecifier } from './type-specifiers';

/**
 * Columns of tables, views, table-valued functions and CTEs (`[schema].[table].[column]`).
 * Seen: Collation, IsNullable, IsIdentity, IdentityIsNotForReplication, IsRowGuidColumn. IsSparse,
 * IsFileStream, IsColumnSet, IdentitySeed and IdentityIncrement (written only when not 1) follow
 * DacFx's naming but no fixture shows them, so their place in the order is an assumption.
 */
export interface SimpleColumnProperties {
  readonly Collation?: string;
  readonly IsNullable?: boolean;
  readonly IsIdentity?: boolean;
  readonly IdentityIsNotForReplication?: boolean;
  readonly IsRowGuidColumn?: boolean;
  readonly IsSparse?: boolean;
  readonly IsFileStream?: boolean;
  readonly IsColumnSet?: boolean;
  readonly IdentitySeed?: string;
  readonly IdentityIncrement?: string;
}

export interface SqlSimpleColumn extends ElementBase<
  'SqlSimpleColumn',
  SimpleColumnProperties,
  { readonly TypeSpecifier?: SqlTypeSpecifier | SqlXmlTypeSpecifier }
> {
  readonly name: string;
}

/** A computed column (tables), or any column of a view / inline function (dependencies only). */
export interface SqlComputedColumn extends ElementBase<
  'SqlComputedColumn',
  { readonly ExpressionScript?: Script; readonly IsPersisted?: boolean; readonly Collation?: string },
  { readonly ExpressionDependencies?: readonly Reference[] }
> {
  readonly name: string;
}

export const simpleColumnProperties = [
  p.text('Collation'),
  p.bool('IsNullable', true),
  p.bool('IsIdentity', false),
  p.bool('IdentityIsNotForReplication', false),
  p.bool('IsRowGuidColumn', false),
  p.bool('IsSparse', false),
  p.bool('IsFileStream', false),
  p.bool('IsColumnSet', false),
  p.text('IdentitySeed'),
  p.text('IdentityIncrement'),
];

export const typeSpecifierTypes = ['SqlTypeSpecifier', 'SqlXmlTypeSpecifier'] as const;

export const simpleColumnKind = defineKind<SqlSimpleColumn>({
  type: 'SqlSimpleColumn',
  naming: 'named',
  properties: simpleColumnProperties,
  relationships: [r.one('TypeSpecifier', typeSpecifierTypes)],
});

/** IsPersisted and Collation on computed columns are assumptions (no fixture has them). */
export const computedColumnKind = defineKind<SqlComputedColumn>({
  type: 'SqlComputedColumn',
  naming: 'named',
  properties: [p.script('ExpressionScript'), p.bool('IsPersisted', false), p.text('Collation')],
  relationships: [r.many('ExpressionDependencies')],
});
