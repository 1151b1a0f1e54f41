import { defineKind, r } from '../descriptor';
import type { ElementBase, Reference } from '../values';

/** `SqlSchema` `[SalesLT]`: R `Authorizer` (the owner, `[dbo]` as a built-in). */
export interface SqlSchema extends ElementBase<
  'SqlSchema',
  Record<string, never>,
  { readonly Authorizer?: Reference }
> {
  readonly name: string;
}

export const schemaKind = defineKind<SqlSchema>({
  type: 'SqlSchema',
  naming: 'named',
  properties: [],
  relationships: [r.one('Authorizer')],
});
