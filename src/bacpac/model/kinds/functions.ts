import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';
import type { SqlComputedColumn, SqlSimpleColumn } from './columns';
import type { SqlSubroutineParameter } from './procedures';
import type { SqlTypeSpecifier, SqlXmlTypeSpecifier } from './type-specifiers';
import type { SqlDynamicColumnSource } from './views';

/** The body of a function (`FunctionBody`), with its SysCommentsObjectAnnotation. */
export interface SqlScriptFunctionImplementation extends ElementBase<
  'SqlScriptFunctionImplementation',
  { readonly BodyScript?: Script },
  Record<string, never>
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

interface FunctionProperties {
  readonly IsSchemaBound?: boolean;
  readonly ReturnsNullOnNullInput?: boolean;
  readonly IsEncrypted?: boolean;
  readonly IsAnsiNullsOn?: boolean;
}

interface FunctionRelationships {
  readonly BodyDependencies?: readonly Reference[];
  readonly DynamicObjects?: readonly SqlDynamicColumnSource[];
  readonly FunctionBody?: SqlScriptFunctionImplementation;
  readonly Parameters?: readonly SqlSubroutineParameter[];
  readonly Schema?: Reference;
}

/** Scalar function: R Type is the return type. */
export interface SqlScalarFunction extends ElementBase<
  'SqlScalarFunction',
  FunctionProperties,
  FunctionRelationships & { readonly Type?: SqlTypeSpecifier | SqlXmlTypeSpecifier }
> {
  readonly name: string;
}

export interface SqlInlineTableValuedFunction extends ElementBase<
  'SqlInlineTableValuedFunction',
  FunctionProperties,
  FunctionRelationships & { readonly Columns?: readonly (SqlComputedColumn | SqlSimpleColumn)[] }
> {
  readonly name: string;
}

/** Multi-statement function: ReturnTableVariable names the returned table variable. */
export interface SqlMultiStatementTableValuedFunction extends ElementBase<
  'SqlMultiStatementTableValuedFunction',
  FunctionProperties & { readonly ReturnTableVariable?: string },
  FunctionRelationships & { readonly Columns?: readonly (SqlSimpleColumn | SqlComputedColumn)[] }
> {
  readonly name: string;
}

/** IsSchemaBound, ReturnsNullOnNullInput and IsEncrypted follow DacFx's naming; not seen. */
const functionProperties = [
  p.bool('IsSchemaBound', false),
  p.bool('ReturnsNullOnNullInput', false),
  p.bool('IsEncrypted', false),
  p.bool('IsAnsiNullsOn', false),
];

const functionRelationships = [
  r.many('BodyDependencies'),
  r.many('DynamicObjects', ['SqlDynamicColumnSource']),
  r.one('FunctionBody', ['SqlScriptFunctionImplementation']),
  r.many('Parameters', ['SqlSubroutineParameter']),
  r.one('Schema'),
];

export const scriptFunctionImplementationKind = defineKind<SqlScriptFunctionImplementation>({
  type: 'SqlScriptFunctionImplementation',
  naming: 'unnamed',
  properties: [p.script('BodyScript')],
  relationships: [],
});

export const scalarFunctionKind = defineKind<SqlScalarFunction>({
  type: 'SqlScalarFunction',
  naming: 'named',
  properties: functionProperties,
  relationships: [...functionRelationships, r.one('Type', ['SqlTypeSpecifier', 'SqlXmlTypeSpecifier'])],
});

export const inlineTableValuedFunctionKind = defineKind<SqlInlineTableValuedFunction>({
  type: 'SqlInlineTableValuedFunction',
  naming: 'named',
  properties: functionProperties,
  relationships: [...functionRelationships, r.many('Columns', ['SqlComputedColumn', 'SqlSimpleColumn'])],
});

export const multiStatementTableValuedFunctionKind = defineKind<SqlMultiStatementTableValuedFunction>({
  type: 'SqlMultiStatementTableValuedFunction',
  naming: 'named',
  properties: [p.text('ReturnTableVariable'), ...functionProperties],
  relationships: [...functionRelationships, r.many('Columns', ['SqlSimpleColumn', 'SqlComputedColumn'])],
});
