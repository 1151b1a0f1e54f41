import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/**
 * Old-style bound rules and defaults (CREATE RULE / CREATE DEFAULT): P ExpressionScript, R
 * BoundTargets and Schema, as listed in the format notes from real files outside the fixtures.
 */
interface BoundObjectRelationships {
  readonly BoundTargets?: readonly Reference[];
  readonly Schema?: Reference;
}

export interface SqlRule extends ElementBase<
  'SqlRule',
  { readonly ExpressionScript?: Script },
  BoundObjectRelationships
> {
  readonly name: string;
}

export interface SqlDefault extends ElementBase<
  'SqlDefault',
  { readonly ExpressionScript?: Script },
  BoundObjectRelationships
> {
  readonly name: string;
}

export const ruleKind = defineKind<SqlRule>({
  type: 'SqlRule',
  naming: 'named',
  properties: [p.script('ExpressionScript')],
  relationships: [r.many('BoundTargets'), r.one('Schema')],
});

export const defaultKind = defineKind<SqlDefault>({
  type: 'SqlDefault',
  naming: 'named',
  properties: [p.script('ExpressionScript')],
  relationships: [r.many('BoundTargets'), r.one('Schema')],
});
