import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlTypeSpecifier, SqlXmlTypeSpecifier } from './type-specifiers';
import type { SqlDynamicColumnSource } from './views';

/**
 * `SqlProcedure`: BodyScript holds the text after AS. IsCaller is listed in the format notes
 * (EXECUTE AS CALLER); IsRecompiled, IsEncrypted and IsOwner follow DacFx's naming (not seen).
 */
export interface SqlProcedure extends ElementBase<
  'SqlProcedure',
  {
    readonly BodyScript?: Script;
    readonly IsCaller?: boolean;
    readonly IsOwner?: boolean;
    readonly IsRecompiled?: boolean;
    readonly IsEncrypted?: boolean;
    readonly IsAnsiNullsOn?: boolean;
  },
  {
    readonly BodyDependencies?: readonly Reference[];
    readonly DynamicObjects?: readonly SqlDynamicColumnSource[];
    readonly Parameters?: readonly SqlSubroutineParameter[];
    readonly Schema?: Reference;
  }
> {
  readonly name: string;
}

/** A parameter `[schema].[module].[@name]`. IsReadOnly (table-valued parameters) is an assumption. */
export interface SqlSubroutineParameter extends ElementBase<
  'SqlSubroutineParameter',
  { readonly IsOutput?: boolean; readonly IsReadOnly?: boolean; readonly DefaultExpressionScript?: Script },
  { readonly Type?: SqlTypeSpecifier | SqlXmlTypeSpecifier }
> {
  readonly name: string;
}

export const procedureKind = defineKind<SqlProcedure>({
  type: 'SqlProcedure',
  naming: 'named',
  properties: [
    p.script('BodyScript'),
    p.bool('IsCaller', false),
    p.bool('IsOwner', false),
    p.bool('IsRecompiled', false),
    p.bool('IsEncrypted', false),
    p.bool('IsAnsiNullsOn', false),
  ],
  relationships: [
    r.many('BodyDependencies'),
    r.many('DynamicObjects', ['SqlDynamicColumnSource']),
    r.many('Parameters', ['SqlSubroutineParameter']),
    r.one('Schema'),
  ],
});

export const subroutineParameterKind = defineKind<SqlSubroutineParameter>({
  type: 'SqlSubroutineParameter',
  naming: 'named',
  properties: [p.bool('IsOutput', false), p.bool('IsReadOnly', false), p.script('DefaultExpressionScript')],
  relationships: [r.one('Type', ['SqlTypeSpecifier', 'SqlXmlTypeSpecifier'])],
});
