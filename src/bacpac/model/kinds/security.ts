import { defineKind, p, r } from '../descriptor';
import type { ElementBase, Reference, Script } from '../values';

/**
 * Users, logins, roles, role memberships and permissions. Seen: SqlUser (LoginIdentifierScript,
 * AuthenticationType, R Login), SqlLogin (Password, a placeholder DacFx generates), SqlPermissionStatement
 * (Permission, R Grantee, SecuredObject). SqlRole (R Authorizer) and SqlRoleMembership (unnamed; R
 * Member, Role) come from real files outside the fixtures. DefaultSchema, Grantor and the SqlLogin
 * options beyond Password follow DacFx's naming and are assumptions.
 */
export interface SqlUser extends ElementBase<
  'SqlUser',
  {
    readonly LoginIdentifierScript?: Script;
    readonly AuthenticationType?: number;
    readonly WithoutLogin?: boolean;
  },
  { readonly DefaultSchema?: Reference; readonly Login?: Reference }
> {
  readonly name: string;
}

export interface SqlLogin extends ElementBase<
  'SqlLogin',
  { readonly Password?: string; readonly IsDisabled?: boolean; readonly CheckPolicy?: boolean },
  Record<string, never>
> {
  readonly name: string;
}

export interface SqlRole extends ElementBase<
  'SqlRole',
  Record<string, never>,
  { readonly Authorizer?: Reference }
> {
  readonly name: string;
}

export interface SqlRoleMembership extends ElementBase<
  'SqlRoleMembership',
  Record<string, never>,
  { readonly Member?: Reference; readonly Role?: Reference }
> {
  /** Elements of this kind are never named. */
  readonly name?: undefined;
}

/** Named `[Grant.<Permission>.<Class>].[<grantee>].[<grantor>]`; Permission is DacFx's number for it. */
export interface SqlPermissionStatement extends ElementBase<
  'SqlPermissionStatement',
  { readonly Permission?: number },
  { readonly Grantee?: Reference; readonly Grantor?: Reference; readonly SecuredObject?: Reference }
> {
  readonly name: string;
}

export const userKind = defineKind<SqlUser>({
  type: 'SqlUser',
  naming: 'named',
  properties: [p.script('LoginIdentifierScript'), p.int('AuthenticationType'), p.bool('WithoutLogin', false)],
  relationships: [r.one('DefaultSchema'), r.one('Login')],
});

export const loginKind = defineKind<SqlLogin>({
  type: 'SqlLogin',
  naming: 'named',
  properties: [p.text('Password'), p.bool('IsDisabled', false), p.bool('CheckPolicy', true)],
  relationships: [],
});

export const roleKind = defineKind<SqlRole>({
  type: 'SqlRole',
  naming: 'named',
  properties: [],
  relationships: [r.one('Authorizer')],
});

export const roleMembershipKind = defineKind<SqlRoleMembership>({
  type: 'SqlRoleMembership',
  naming: 'unnamed',
  properties: [],
  relationships: [r.one('Member'), r.one('Role')],
});

export const permissionStatementKind = defineKind<SqlPermissionStatement>({
  type: 'SqlPermissionStatement',
  naming: 'named',
  properties: [p.int('Permission')],
  relationships: [r.one('Grantee'), r.one('Grantor'), r.one('SecuredObject')],
});
