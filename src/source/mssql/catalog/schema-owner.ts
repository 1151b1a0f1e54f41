import { formatName } from '../../../bacpac/model/names';
import type { Reference } from '../../../bacpac/model/types';
import type { SourceFinding } from '../../types';
import type { SchemaRow } from './schemas-types';

const BUILT_IN_OWNERS = new Set(['dbo', 'guest', 'public', 'sys', 'INFORMATION_SCHEMA']);
const FIXED_ROLE =
  /^db_(owner|accessadmin|securityadmin|ddladmin|backupoperator|datareader|datawriter|denydatareader|denydatawriter)$/;

/**
 * A schema's Authorizer: built-in principals and fixed roles as built-ins, an exported user or role
 * by name; an owner that is not exported is reported and replaced by dbo.
 */
export function ownerReference(
  s: SchemaRow,
  principals: ReadonlySet<string>,
  findings: SourceFinding[],
): Reference {
  const owner = s.ownerName;
  if (BUILT_IN_OWNERS.has(owner) || FIXED_ROLE.test(owner))
    return { externalSource: 'BuiltIns', name: formatName([owner]) };
  const name = formatName([owner]);
  if (principals.has(name)) return { name };
  findings.push({
    code: 'SCHEMA_OWNER_LEFT_OUT',
    severity: 'warning',
    object: `[${s.schemaName}]`,
    message: `the owner [${owner}] is not exported; the schema is exported owned by dbo`,
  });
  return { externalSource: 'BuiltIns', name: '[dbo]' };
}
