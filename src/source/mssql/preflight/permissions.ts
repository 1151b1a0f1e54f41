import { MssqlSourceError } from '../errors';

/** The permissions an export needs, checked in one query before anything else. */
export const PERMISSIONS_SQL = `
SELECT
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'VIEW DEFINITION') AS viewDefinition,
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'SELECT') AS selectData,
  HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', 'VIEW DATABASE STATE') AS viewDatabaseState;`;

export interface PermissionRow {
  readonly viewDefinition: number | null;
  readonly selectData: number | null;
  readonly viewDatabaseState: number | null;
}

/** Names the missing permissions, or returns an empty list. */
export function missingPermissions(row: PermissionRow): string[] {
  const missing: string[] = [];
  if (row.viewDefinition !== 1) missing.push('VIEW DEFINITION');
  if (row.selectData !== 1) missing.push('SELECT');
  if (row.viewDatabaseState !== 1) missing.push('VIEW DATABASE STATE');
  return missing;
}

export function permissionError(
  database: string,
  principal: string,
  missing: readonly string[],
): MssqlSourceError {
  return new MssqlSourceError(
    'SQL_PERMISSION',
    `${principal} lacks ${missing.join(', ')} on database [${database}]; grant with: ` +
      missing.map((p) => `GRANT ${p} TO [${principal}];`).join(' '),
    { missing },
  );
}
