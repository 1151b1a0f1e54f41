import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlTypeSpecifier } from './type-specifiers';

/*
 * No fixture has a sequence or a synonym. The property and relationship names follow DacFx's model
 * naming (Sequence: StartValue, IncrementValue, MinValue, MaxValue as scripts, IsCycling,
 * HasNoMinValue, HasNoMaxValue, CacheSize, IsCached; Synonym: ForObject) and are assumptions,
 * as is their order.
 */
export interface SqlSequence extends ElementBase<
  'SqlSequence',
  {
    readonly IsCycling?: boolean;
    readonly HasNoMinValue?: boolean;
    readonly HasNoMaxValue?: boolean;
    readonly IsCached?: boolean;
    readonly CacheSize?: number;
    readonly StartValue?: Script;
    readonly IncrementValue?: Script;
    readonly MinValue?: Script;
    readonly MaxValue?: Script;
  },
  { readonly Schema?: Reference; readonly Type?: SqlTypeSpecifier }
> {
  readonly name: string;
}

export interface SqlSynonym extends ElementBase<
  'SqlSynonym',
  { readonly ForObjectScript?: Script },
  { readonly ForObject?: Reference; readonly Schema?: Reference }
> {
  readonly name: string;
}

export const sequenceKind = defineKind<SqlSequence>({
  type: 'SqlSequence',
  naming: 'named',
  properties: [
    p.bool('IsCycling', false),
    p.bool('HasNoMinValue', false),
    p.bool('HasNoMaxValue', false),
    p.bool('IsCached', true),
    p.int('CacheSize'),
    p.script('StartValue'),
    p.script('IncrementValue'),
    p.script('MinValue'),
    p.script('MaxValue'),
  ],
  relationships: [r.one('Schema'), r.one('Type', ['SqlTypeSpecifier'])],
});

export const synonymKind = defineKind<SqlSynonym>({
  type: 'SqlSynonym',
  naming: 'named',
  properties: [p.script('ForObjectScript')],
  relationships: [r.one('ForObject'), r.one('Schema')],
});
