import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import { simpleColumnProperties, typeSpecifierTypes } from './columns';
import type { SimpleColumnProperties } from './columns';
import type { SqlIndexedColumnSpecification } from './keys';
import type { SqlTypeSpecifier, SqlXmlTypeSpecifier } from './type-specifiers';

/**
 * Alias type `[dbo].[AccountNumber]`: the built-in base type in R Type with its facets, and
 * IsNullable=False for NOT NULL alias types. Seen: IsNullable, Length; the others' places are
 * assumptions.
 */
export interface SqlUserDefinedDataType extends ElementBase<
  'SqlUserDefinedDataType',
  {
    readonly IsNullable?: boolean;
    readonly Scale?: number;
    readonly Precision?: number;
    readonly Length?: number;
    readonly IsMax?: boolean;
  },
  { readonly Schema?: Reference; readonly Type?: Reference }
> {
  readonly name: string;
}

export const userDefinedDataTypeKind = defineKind<SqlUserDefinedDataType>({
  type: 'SqlUserDefinedDataType',
  naming: 'named',
  properties: [
    p.bool('IsNullable', true),
    p.int('Scale', 0),
    p.int('Precision'),
    p.int('Length'),
    p.bool('IsMax', false),
  ],
  relationships: [r.one('Schema'), r.one('Type')],
});

/*
 * User-defined table types. No fixture has one: every name below follows DacFx's model naming
 * (SqlTableType with Columns and Constraints of the SqlTableType* kinds) and is an assumption.
 */
export interface SqlTableTypeSimpleColumn extends ElementBase<
  'SqlTableTypeSimpleColumn',
  SimpleColumnProperties,
  { readonly TypeSpecifier?: SqlTypeSpecifier | SqlXmlTypeSpecifier }
> {
  readonly name: string;
}

export interface SqlTableTypeComputedColumn extends ElementBase<
  'SqlTableTypeComputedColumn',
  { readonly ExpressionScript?: Script; readonly IsPersisted?: boolean },
  { readonly ExpressionDependencies?: readonly Reference[] }
> {
  readonly name: string;
}

interface TableTypeKeyRelationships {
  readonly ColumnSpecifications?: readonly SqlIndexedColumnSpecification[];
}

export interface SqlTableTypePrimaryKeyConstraint extends ElementBase<
  'SqlTableTypePrimaryKeyConstraint',
  { readonly IsClustered?: boolean },
  TableTypeKeyRelationships
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export interface SqlTableTypeUniqueConstraint extends ElementBase<
  'SqlTableTypeUniqueConstraint',
  { readonly IsClustered?: boolean },
  TableTypeKeyRelationships
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export interface SqlTableTypeCheckConstraint extends ElementBase<
  'SqlTableTypeCheckConstraint',
  { readonly CheckExpressionScript?: Script },
  { readonly CheckExpressionDependencies?: readonly Reference[] }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export interface SqlTableTypeDefaultConstraint extends ElementBase<
  'SqlTableTypeDefaultConstraint',
  { readonly DefaultExpressionScript?: Script },
  { readonly ExpressionDependencies?: readonly Reference[]; readonly ForColumn?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export interface SqlTableTypeIndex extends ElementBase<
  'SqlTableTypeIndex',
  { readonly IsUnique?: boolean; readonly IsClustered?: boolean },
  TableTypeKeyRelationships
> {
  readonly name?: string;
}

export type TableTypeConstraint =
  | SqlTableTypePrimaryKeyConstraint
  | SqlTableTypeUniqueConstraint
  | SqlTableTypeCheckConstraint
  | SqlTableTypeDefaultConstraint;

export interface SqlTableType extends ElementBase<
  'SqlTableType',
  { readonly IsMemoryOptimized?: boolean },
  {
    readonly Columns?: readonly (SqlTableTypeSimpleColumn | SqlTableTypeComputedColumn)[];
    readonly Constraints?: readonly TableTypeConstraint[];
    readonly Indexes?: readonly SqlTableTypeIndex[];
    readonly Schema?: Reference;
  }
> {
  readonly name: string;
}

const keySpecs = [r.many('ColumnSpecifications', ['SqlIndexedColumnSpecification'])];

export const tableTypeSimpleColumnKind = defineKind<SqlTableTypeSimpleColumn>({
  type: 'SqlTableTypeSimpleColumn',
  naming: 'named',
  properties: simpleColumnProperties,
  relationships: [r.one('TypeSpecifier', typeSpecifierTypes)],
});

export const tableTypeComputedColumnKind = defineKind<SqlTableTypeComputedColumn>({
  type: 'SqlTableTypeComputedColumn',
  naming: 'named',
  properties: [p.script('ExpressionScript'), p.bool('IsPersisted', false)],
  relationships: [r.many('ExpressionDependencies')],
});

export const tableTypePrimaryKeyKind = defineKind<SqlTableTypePrimaryKeyConstraint>({
  type: 'SqlTableTypePrimaryKeyConstraint',
  naming: 'unnamed',
  properties: [p.bool('IsClustered', true)],
  relationships: keySpecs,
});

export const tableTypeUniqueKind = defineKind<SqlTableTypeUniqueConstraint>({
  type: 'SqlTableTypeUniqueConstraint',
  naming: 'unnamed',
  properties: [p.bool('IsClustered', false)],
  relationships: keySpecs,
});

export const tableTypeCheckKind = defineKind<SqlTableTypeCheckConstraint>({
  type: 'SqlTableTypeCheckConstraint',
  naming: 'unnamed',
  properties: [p.script('CheckExpressionScript')],
  relationships: [r.many('CheckExpressionDependencies')],
});

export const tableTypeDefaultKind = defineKind<SqlTableTypeDefaultConstraint>({
  type: 'SqlTableTypeDefaultConstraint',
  naming: 'unnamed',
  properties: [p.script('DefaultExpressionScript')],
  relationships: [r.many('ExpressionDependencies'), r.one('ForColumn')],
});

export const tableTypeIndexKind = defineKind<SqlTableTypeIndex>({
  type: 'SqlTableTypeIndex',
  naming: 'either',
  properties: [p.bool('IsUnique', false), p.bool('IsClustered', false)],
  relationships: keySpecs,
});

export const tableTypeKind = defineKind<SqlTableType>({
  type: 'SqlTableType',
  naming: 'named',
  properties: [p.bool('IsMemoryOptimized', false)],
  relationships: [
    r.many('Columns', ['SqlTableTypeSimpleColumn', 'SqlTableTypeComputedColumn']),
    r.many('Constraints', [
      'SqlTableTypePrimaryKeyConstraint',
      'SqlTableTypeUniqueConstraint',
      'SqlTableTypeCheckConstraint',
      'SqlTableTypeDefaultConstraint',
    ]),
    r.many('Indexes', ['SqlTableTypeIndex']),
    r.one('Schema'),
  ],
});
