import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/**
 * `SqlDmlTrigger` `[schema].[trigger]`: SqlTriggerType is 2 on the AFTER triggers seen; other values
 * were not seen. IsNotForReplication is an assumption (DacFx naming).
 */
export interface SqlDmlTrigger extends ElementBase<
  'SqlDmlTrigger',
  {
    readonly IsInsertTrigger?: boolean;
    readonly IsUpdateTrigger?: boolean;
    readonly IsDeleteTrigger?: boolean;
    readonly SqlTriggerType?: number;
    readonly IsNotForReplication?: boolean;
    readonly BodyScript?: Script;
    readonly IsAnsiNullsOn?: boolean;
  },
  { readonly BodyDependencies?: readonly Reference[]; readonly Parent?: Reference }
> {
  readonly name: string;
}

export const dmlTriggerKind = defineKind<SqlDmlTrigger>({
  type: 'SqlDmlTrigger',
  naming: 'named',
  properties: [
    p.bool('IsInsertTrigger', false),
    p.bool('IsUpdateTrigger', false),
    p.bool('IsDeleteTrigger', false),
    p.int('SqlTriggerType'),
    p.bool('IsNotForReplication', false),
    p.script('BodyScript'),
    p.bool('IsAnsiNullsOn', false),
  ],
  relationships: [r.many('BodyDependencies'), r.one('Parent')],
});
