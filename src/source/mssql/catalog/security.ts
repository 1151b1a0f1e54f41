import type { RawRow } from './row-fields';
import { num, optStr, str } from './row-fields';

/**
 * Database users and roles (not the built-in principals 0-4, fixed roles or ##certificate##
 * users), with the login a user maps to and the owner of a role.
 */
export const PRINCIPALS_SQL = `
SELECT
  p.principal_id AS principalId, p.name AS principalName, RTRIM(p.type) AS principalType,
  p.authentication_type AS authenticationType, p.default_schema_name AS defaultSchema,
  SUSER_SNAME(p.sid) AS loginName, o.name AS ownerName
FROM sys.database_principals AS p
LEFT JOIN sys.database_principals AS o ON o.principal_id = p.owning_principal_id
WHERE p.principal_id > 4 AND p.is_fixed_role = 0 AND p.name NOT LIKE N'##%'
ORDER BY p.principal_id;`;

export interface PrincipalRow {
  readonly principalId: number;
  readonly principalName: string;
  /** S SQL user, U/G Windows user/group, E/X Entra user/group, C/K certificate/key user, R role, A application role. */
  readonly principalType: string;
  /** sys.database_principals.authentication_type: 0 none, 1 instance, 2 database, 3 Windows, 4 external. */
  readonly authenticationType: number;
  readonly defaultSchema?: string;
  readonly loginName?: string;
  readonly ownerName?: string;
}

export function readPrincipalRow(row: RawRow): PrincipalRow {
  const q = 'principals';
  const defaultSchema = optStr(row, 'defaultSchema', q);
  const loginName = optStr(row, 'loginName', q);
  const ownerName = optStr(row, 'ownerName', q);
  return {
    principalId: num(row, 'principalId', q),
    principalName: str(row, 'principalName', q),
    principalType: str(row, 'principalType', q),
    authenticationType: num(row, 'authenticationType', q),
    ...(defaultSchema !== undefined ? { defaultSchema } : {}),
    ...(loginName !== undefined ? { loginName } : {}),
    ...(ownerName !== undefined ? { ownerName } : {}),
  };
}

/** Role memberships, dbo's implicit membership of db_owner left out. */
export const ROLE_MEMBERS_SQL = `
SELECT r.name AS roleName, r.principal_id AS roleId, r.is_fixed_role AS roleIsFixed,
  m.name AS memberName, m.principal_id AS memberId
FROM sys.database_role_members AS rm
JOIN sys.database_principals AS r ON r.principal_id = rm.role_principal_id
JOIN sys.database_principals AS m ON m.principal_id = rm.member_principal_id
WHERE m.principal_id <> 1
ORDER BY r.name, m.name;`;

export interface RoleMemberRow {
  readonly roleName: string;
  readonly roleId: number;
  readonly roleIsFixed: boolean;
  readonly memberName: string;
  readonly memberId: number;
}

export function readRoleMemberRow(row: RawRow): RoleMemberRow {
  const q = 'role members';
  return {
    roleName: str(row, 'roleName', q),
    roleId: num(row, 'roleId', q),
    roleIsFixed: row.roleIsFixed === true || row.roleIsFixed === 1,
    memberName: str(row, 'memberName', q),
    memberId: num(row, 'memberId', q),
  };
}

/**
 * GRANT and DENY statements on the database (class 0), objects and columns (1) and schemas (3),
 * and on other securables (reported, not exported); grants to dbo, sys and INFORMATION_SCHEMA left out.
 */
export const PERMISSION_STATEMENTS_SQL = `
SELECT
  dp.class AS securableClass, dp.permission_name AS permissionName, RTRIM(dp.state) AS state,
  dp.grantee_principal_id AS granteeId, ge.name AS granteeName, ge.is_fixed_role AS granteeIsFixedRole,
  gr.name AS grantorName, dp.minor_id AS minorId,
  CASE dp.class WHEN 1 THEN OBJECT_SCHEMA_NAME(dp.major_id) WHEN 3 THEN SCHEMA_NAME(dp.major_id) END AS securableSchema,
  CASE WHEN dp.class = 1 THEN OBJECT_NAME(dp.major_id) END AS securableName
FROM sys.database_permissions AS dp
JOIN sys.database_principals AS ge ON ge.principal_id = dp.grantee_principal_id
JOIN sys.database_principals AS gr ON gr.principal_id = dp.grantor_principal_id
WHERE dp.grantee_principal_id NOT IN (1, 3, 4) AND dp.state IN ('G', 'D', 'W')
ORDER BY dp.class, dp.major_id, dp.minor_id, ge.name, dp.permission_name;`;

export interface PermissionStatementRow {
  /** sys.database_permissions.class: 0 database, 1 object or column, 3 schema, ... */
  readonly securableClass: number;
  /** `SELECT`, `VIEW DEFINITION`, ... */
  readonly permissionName: string;
  /** G grant, D deny, W grant with grant option. */
  readonly state: string;
  readonly granteeId: number;
  readonly granteeName: string;
  readonly granteeIsFixedRole: boolean;
  readonly grantorName: string;
  /** A column id for a column permission, else 0. */
  readonly minorId: number;
  readonly securableSchema?: string;
  readonly securableName?: string;
}

export function readPermissionStatementRow(row: RawRow): PermissionStatementRow {
  const q = 'permissions';
  const securableSchema = optStr(row, 'securableSchema', q);
  const securableName = optStr(row, 'securableName', q);
  return {
    securableClass: num(row, 'securableClass', q),
    permissionName: str(row, 'permissionName', q),
    state: str(row, 'state', q),
    granteeId: num(row, 'granteeId', q),
    granteeName: str(row, 'granteeName', q),
    granteeIsFixedRole: row.granteeIsFixedRole === true || row.granteeIsFixedRole === 1,
    grantorName: str(row, 'grantorName', q),
    minorId: num(row, 'minorId', q),
    ...(securableSchema !== undefined ? { securableSchema } : {}),
    ...(securableName !== undefined ? { securableName } : {}),
  };
}
