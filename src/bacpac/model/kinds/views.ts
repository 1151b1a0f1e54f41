import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlComputedColumn, SqlSimpleColumn } from './columns';

/**
 * `SqlView`: QueryScript holds the text after AS. Columns and QueryDependencies are DacFx's parse
 * of the query; DynamicObjects holds its CTEs. WithCheckOption and IsMetadataReported follow
 * DacFx's naming; no fixture shows them.
 */
export interface SqlView extends ElementBase<
  'SqlView',
  {
    readonly IsSchemaBound?: boolean;
    readonly IsMetadataReported?: boolean;
    readonly QueryScript?: Script;
    readonly IsAnsiNullsOn?: boolean;
    readonly WithCheckOption?: boolean;
  },
  {
    readonly Columns?: readonly SqlComputedColumn[];
    readonly DynamicObjects?: readonly SqlDynamicColumnSource[];
    readonly QueryDependencies?: readonly Reference[];
    readonly Schema?: Reference;
  }
> {
  readonly name: string;
}

/** A CTE (`[dbo].[f].[CTE1].[Name]`) inside a view, function or procedure, with its columns. */
export interface SqlDynamicColumnSource extends ElementBase<
  'SqlDynamicColumnSource',
  Record<string, never>,
  { readonly Columns?: readonly (SqlComputedColumn | SqlSimpleColumn)[] }
> {
  readonly name: string;
}

export const viewKind = defineKind<SqlView>({
  type: 'SqlView',
  naming: 'named',
  properties: [
    p.bool('IsSchemaBound', false),
    p.bool('IsMetadataReported', false),
    p.script('QueryScript'),
    p.bool('IsAnsiNullsOn', false),
    p.bool('WithCheckOption', false),
  ],
  relationships: [
    r.many('Columns', ['SqlComputedColumn']),
    r.many('DynamicObjects', ['SqlDynamicColumnSource']),
    r.many('QueryDependencies'),
    r.one('Schema'),
  ],
});

export const dynamicColumnSourceKind = defineKind<SqlDynamicColumnSource>({
  type: 'SqlDynamicColumnSource',
  naming: 'named',
  properties: [],
  relationships: [r.many('Columns', ['SqlComputedColumn', 'SqlSimpleColumn'])],
});
