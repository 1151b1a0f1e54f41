import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/** `SqlXmlSchemaCollection`: SchemaExpression holds the XSD text (CDATA). */
export interface SqlXmlSchemaCollection extends ElementBase<
  'SqlXmlSchemaCollection',
  { readonly SchemaExpression?: Script },
  { readonly Schema?: Reference }
> {
  readonly name: string;
}

export const xmlSchemaCollectionKind = defineKind<SqlXmlSchemaCollection>({
  type: 'SqlXmlSchemaCollection',
  naming: 'named',
  properties: [p.script('SchemaExpression')],
  relationships: [r.one('Schema')],
});
