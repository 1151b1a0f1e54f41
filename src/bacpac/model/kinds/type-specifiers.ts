import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';

/**
 * The type of a column, parameter or function result. `Type` references a built-in type
 * (`[int]`, `[sys].[sysname]`) or an alias type of the model. Scale is left out when 0, IsMax when
 * false; Scale is written before Precision.
 */
export interface SqlTypeSpecifier extends ElementBase<
  'SqlTypeSpecifier',
  {
    readonly Scale?: number;
    readonly Precision?: number;
    readonly Length?: number;
    readonly IsMax?: boolean;
  },
  { readonly Type?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

/**
 * The type of an xml column, optionally typed by a schema collection. IsXmlDocument (DOCUMENT
 * rather than CONTENT) follows DacFx's naming; no fixture shows it.
 */
export interface SqlXmlTypeSpecifier extends ElementBase<
  'SqlXmlTypeSpecifier',
  { readonly IsXmlDocument?: boolean },
  { readonly Type?: Reference; readonly XmlSchemaCollection?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

export const typeSpecifierKind = defineKind<SqlTypeSpecifier>({
  type: 'SqlTypeSpecifier',
  naming: 'unnamed',
  properties: [p.int('Scale', 0), p.int('Precision'), p.int('Length'), p.bool('IsMax', false)],
  relationships: [r.one('Type')],
});

export const xmlTypeSpecifierKind = defineKind<SqlXmlTypeSpecifier>({
  type: 'SqlXmlTypeSpecifier',
  naming: 'unnamed',
  properties: [p.bool('IsXmlDocument', false)],
  relationships: [r.one('Type'), r.one('XmlSchemaCollection')],
});
