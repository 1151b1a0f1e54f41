import { formatName } from '../../../bacpac/model/names';
import type {
  Reference,
  SqlLogin,
  SqlRole,
  SqlRoleMembership,
  SqlUser,
  TopLevelElement,
} from '../../../bacpac/model/types';
import type { SourceFinding } from '../../types';
import type { Disambiguators } from './disambiguators';
import { placeholderPassword } from './login-password';
import { schemaReference } from './model-names';
import type { PrincipalRow, RoleMemberRow } from './security';

export interface PrincipalsInput {
  readonly principals: readonly PrincipalRow[];
  readonly roleMembers: readonly RoleMemberRow[];
  /** Windows users on Azure are reported by the pre-flight as errors, not here. */
  readonly targetIsAzure: boolean;
}

/** The references to the exported principals (and the built-in ones) by principal id. */
export type PrincipalReferences = (id: number, fixedRoleName?: string) => Reference | undefined;

const BUILT_IN_PRINCIPALS: ReadonlyMap<number, string> = new Map([
  [0, 'public'],
  [1, 'dbo'],
  [2, 'guest'],
]);

const LEFT_OUT: Record<string, string> = {
  U: 'Windows users cannot be exported to a BACPAC that imports anywhere; recreate it after import',
  G: 'Windows groups cannot be exported to a BACPAC that imports anywhere; recreate it after import',
  E: 'Microsoft Entra users are left out; recreate with CREATE USER ... FROM EXTERNAL PROVIDER after import',
  X: 'Microsoft Entra groups are left out; recreate with CREATE USER ... FROM EXTERNAL PROVIDER after import',
  C: 'users mapped to certificates are left out',
  K: 'users mapped to asymmetric keys are left out',
  A: 'application roles are left out (their password cannot be exported)',
};

function warning(code: string, object: string, message: string): SourceFinding {
  return { code, severity: 'warning', object, message };
}

/** Users, logins, roles and role memberships (4.6.11). */
export function buildPrincipals(
  input: PrincipalsInput,
  disambiguators: Disambiguators,
): { elements: TopLevelElement[]; findings: SourceFinding[]; principal: PrincipalReferences } {
  const elements: TopLevelElement[] = [];
  const findings: SourceFinding[] = [];
  const refs = new Map<number, Reference>();
  const names = new Set(input.principals.map((p) => p.principalName));
  for (const p of input.principals) {
    const name = formatName([p.principalName]);
    if (p.principalType === 'R') {
      const role: SqlRole = {
        type: 'SqlRole',
        name,
        properties: {},
        relationships: { Authorizer: ownerReference(p.ownerName, input.principals) },
      };
      elements.push(role);
      refs.set(p.principalId, { name });
      continue;
    }
    if (p.principalType !== 'S') {
      if ((p.principalType === 'U' || p.principalType === 'G') && input.targetIsAzure) continue;
      findings.push(warning('PRINCIPAL_LEFT_OUT', name, LEFT_OUT[p.principalType] ?? 'left out'));
      continue;
    }
    if (p.authenticationType === 2) {
      findings.push(
        warning(
          'PRINCIPAL_LEFT_OUT',
          name,
          'contained users with passwords are left out (the password cannot be exported)',
        ),
      );
      continue;
    }
    const defaultSchema =
      p.defaultSchema !== undefined && p.defaultSchema !== 'dbo'
        ? { DefaultSchema: schemaReference(p.defaultSchema) }
        : {};
    if (p.authenticationType === 1) {
      if (p.loginName === undefined) {
        findings.push(
          warning(
            'LOGIN_NAME_UNKNOWN',
            name,
            'the login of this user is not visible from the database; the user name is used',
          ),
        );
      }
      const loginName = p.loginName ?? p.principalName;
      const login: SqlLogin = {
        type: 'SqlLogin',
        name: formatName([loginName]),
        ...(names.has(loginName) ? { disambiguator: disambiguators.next() } : {}),
        properties: { Password: placeholderPassword() },
        relationships: {},
      };
      elements.push(login);
      const user: SqlUser = {
        type: 'SqlUser',
        name,
        properties: { LoginIdentifierScript: { text: loginName }, AuthenticationType: 1 },
        relationships: {
          ...defaultSchema,
          Login: {
            name: login.name,
            ...(login.disambiguator !== undefined ? { disambiguator: login.disambiguator } : {}),
          },
        },
      };
      elements.push(user);
    } else {
      elements.push({
        type: 'SqlUser',
        name,
        properties: { WithoutLogin: true },
        relationships: { ...defaultSchema },
      });
    }
    refs.set(p.principalId, { name });
  }
  const principal = (id: number, fixedRoleName?: string): Reference | undefined => {
    const builtIn = BUILT_IN_PRINCIPALS.get(id) ?? fixedRoleName;
    return builtIn !== undefined ? { externalSource: 'BuiltIns', name: formatName([builtIn]) } : refs.get(id);
  };
  for (const m of input.roleMembers) {
    const role = principal(m.roleId, m.roleIsFixed ? m.roleName : undefined);
    const member = refs.get(m.memberId);
    if (role === undefined || member === undefined) continue;
    const membership: SqlRoleMembership = {
      type: 'SqlRoleMembership',
      properties: {},
      relationships: { Member: member, Role: role },
    };
    elements.push(membership);
  }
  return { elements, findings, principal };
}

function ownerReference(owner: string | undefined, principals: readonly PrincipalRow[]): Reference {
  if (owner !== undefined && owner !== 'dbo' && principals.some((p) => p.principalName === owner)) {
    return { name: formatName([owner]) };
  }
  return { externalSource: 'BuiltIns', name: '[dbo]' };
}
