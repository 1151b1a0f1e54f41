import { formatName } from '../../../bacpac/model/names';
import type { Reference, SqlPermissionStatement } from '../../../bacpac/model/types';
import type { SourceFinding } from '../../types';
import type { PrincipalReferences } from './build-security';
import { DATABASE_DISAMBIGUATOR } from './disambiguators';
import { objectName, schemaReference } from './model-names';
import { dacPermission } from './permission-numbers';
import type { PermissionStatementRow } from './security';

function warning(code: string, object: string, message: string): SourceFinding {
  return { code, severity: 'warning', object, message };
}

/**
 * GRANT statements on the database, schemas and objects of the model, named
 * `[Grant.<Permission>.<Class>].[grantee].[grantor]` + the securable's name parts. DENY, column
 * permissions, other securables and permissions without a known DacFx number are reported.
 */
export function buildPermissions(
  rows: readonly PermissionStatementRow[],
  principal: PrincipalReferences,
  hasObject: (name: string) => boolean,
): { elements: SqlPermissionStatement[]; findings: SourceFinding[]; referencesDatabase: boolean } {
  const elements: SqlPermissionStatement[] = [];
  const findings: SourceFinding[] = [];
  let referencesDatabase = false;
  for (const g of rows) {
    const grantee = principal(g.granteeId, g.granteeIsFixedRole ? g.granteeName : undefined);
    if (grantee === undefined) continue; // a principal left out (reported with the principals)
    const statement = permissionStatement(g, grantee, hasObject, findings);
    if (statement === undefined) continue;
    if (g.securableClass === 0) referencesDatabase = true;
    elements.push(statement);
  }
  return { elements, findings, referencesDatabase };
}

function permissionStatement(
  g: PermissionStatementRow,
  grantee: Reference,
  hasObject: (name: string) => boolean,
  findings: SourceFinding[],
): SqlPermissionStatement | undefined {
  const what = `${g.state === 'D' ? 'DENY' : 'GRANT'} ${g.permissionName} TO [${g.granteeName}]`;
  let securable: { className: string; parts: string[]; ref: Reference } | undefined;
  if (g.securableClass === 0) {
    securable = { className: 'Database', parts: [], ref: { disambiguator: DATABASE_DISAMBIGUATOR } };
  } else if (g.securableClass === 3 && g.securableSchema !== undefined) {
    securable = { className: 'Schema', parts: [g.securableSchema], ref: schemaReference(g.securableSchema) };
  } else if (
    g.securableClass === 1 &&
    g.minorId === 0 &&
    g.securableSchema !== undefined &&
    g.securableName !== undefined
  ) {
    const name = objectName(g.securableSchema, g.securableName);
    if (!hasObject(name)) return undefined; // on an object left out of the model
    securable = { className: 'Object', parts: [g.securableSchema, g.securableName], ref: { name } };
  }
  const object =
    g.securableSchema === undefined
      ? '[database]'
      : g.securableName === undefined
        ? formatName([g.securableSchema])
        : objectName(g.securableSchema, g.securableName);
  if (securable === undefined) {
    findings.push(
      warning(
        'PERMISSION_LEFT_OUT',
        object,
        `${what}: permissions on this kind of securable (class ${g.securableClass}${g.minorId !== 0 ? ', column' : ''}) are left out`,
      ),
    );
    return undefined;
  }
  const permission = dacPermission(g.permissionName);
  if (g.state === 'D' || permission === undefined) {
    findings.push(
      warning(
        'PERMISSION_LEFT_OUT',
        object,
        g.state === 'D'
          ? `${what}: DENY statements are left out`
          : `${what}: this permission is not mapped to the BACPAC model and is left out`,
      ),
    );
    return undefined;
  }
  if (g.state === 'W')
    findings.push(
      warning(
        'GRANT_OPTION_DROPPED',
        object,
        `${what} WITH GRANT OPTION is exported without the grant option`,
      ),
    );
  return {
    type: 'SqlPermissionStatement',
    name: formatName([
      `Grant.${permission.name}.${securable.className}`,
      g.granteeName,
      g.grantorName,
      ...securable.parts,
    ]),
    properties: { Permission: permission.number },
    relationships: {
      Grantee: grantee,
      ...(g.grantorName !== 'dbo' ? { Grantor: { name: formatName([g.grantorName]) } } : {}),
      SecuredObject: securable.ref,
    },
  };
}
