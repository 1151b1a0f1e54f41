import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/**
 * `SqlExtendedProperty` named `[<host kind>].<host name parts>.[<property>]`, e.g.
 * `[SqlColumn].[dbo].[BuildVersion].[ModifiedDate].[MS_Description]`. Value is a T-SQL literal.
 */
export interface SqlExtendedProperty extends ElementBase<
  'SqlExtendedProperty',
  { readonly Value?: Script },
  { readonly Host?: Reference }
> {
  readonly name: string;
}

export const extendedPropertyKind = defineKind<SqlExtendedProperty>({
  type: 'SqlExtendedProperty',
  naming: 'named',
  properties: [p.script('Value')],
  relationships: [r.one('Host')],
});
