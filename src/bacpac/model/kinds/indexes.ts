import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlIndexedColumnSpecification } from './keys';

/**
 * `SqlIndex` `[schema].[table].[index]`. Seen: IsUnique, IsClustered, FilterPredicate, R
 * BodyDependencies, ColumnSpecifications, IndexedObject. IncludedColumns, Filegroup,
 * IgnoreDuplicateKey and FillFactor follow DacFx's naming; no fixture shows them.
 */
export interface SqlIndex extends ElementBase<
  'SqlIndex',
  {
    readonly IsUnique?: boolean;
    readonly IsClustered?: boolean;
    readonly IgnoreDuplicateKey?: boolean;
    readonly FillFactor?: number;
    readonly FilterPredicate?: Script;
  },
  {
    readonly BodyDependencies?: readonly Reference[];
    readonly ColumnSpecifications?: readonly SqlIndexedColumnSpecification[];
    readonly Filegroup?: Reference;
    readonly IncludedColumns?: readonly Reference[];
    readonly IndexedObject?: Reference;
  }
> {
  readonly name: string;
}

/** `SqlXmlIndex`. PrimaryXmlIndex and SecondaryXmlIndexType (secondary indexes) are assumptions. */
export interface SqlXmlIndex extends ElementBase<
  'SqlXmlIndex',
  { readonly IsPrimary?: boolean; readonly SecondaryXmlIndexType?: number },
  { readonly Column?: Reference; readonly IndexedObject?: Reference; readonly PrimaryXmlIndex?: Reference }
> {
  readonly name: string;
}

/** `SqlColumnStoreIndex`: no fixture has one; names follow DacFx and are assumptions. */
export interface SqlColumnStoreIndex extends ElementBase<
  'SqlColumnStoreIndex',
  { readonly IsClustered?: boolean; readonly FilterPredicate?: Script },
  {
    readonly ColumnSpecifications?: readonly SqlIndexedColumnSpecification[];
    readonly Filegroup?: Reference;
    readonly IndexedObject?: Reference;
  }
> {
  readonly name: string;
}

export const indexKind = defineKind<SqlIndex>({
  type: 'SqlIndex',
  naming: 'named',
  properties: [
    p.bool('IsUnique', false),
    p.bool('IsClustered', false),
    p.bool('IgnoreDuplicateKey', false),
    p.int('FillFactor', 0),
    p.script('FilterPredicate'),
  ],
  relationships: [
    r.many('BodyDependencies'),
    r.many('ColumnSpecifications', ['SqlIndexedColumnSpecification']),
    r.one('Filegroup'),
    r.many('IncludedColumns'),
    r.one('IndexedObject'),
  ],
});

export const xmlIndexKind = defineKind<SqlXmlIndex>({
  type: 'SqlXmlIndex',
  naming: 'named',
  properties: [p.bool('IsPrimary', false), p.int('SecondaryXmlIndexType')],
  relationships: [r.one('Column'), r.one('IndexedObject'), r.one('PrimaryXmlIndex')],
});

export const columnStoreIndexKind = defineKind<SqlColumnStoreIndex>({
  type: 'SqlColumnStoreIndex',
  naming: 'named',
  properties: [p.bool('IsClustered', false), p.script('FilterPredicate')],
  relationships: [
    r.many('ColumnSpecifications', ['SqlIndexedColumnSpecification']),
    r.one('Filegroup'),
    r.one('IndexedObject'),
  ],
});
