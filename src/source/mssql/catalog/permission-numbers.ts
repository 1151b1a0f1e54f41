/**
 * DacFx's numbers for permissions (model.xml `SqlPermissionStatement` P `Permission`) and the
 * names it spells them with in element names, by sys.database_permissions.permission_name. Only
 * numbers with evidence are listed; any other permission is reported, not guessed:
 * - CONNECT 1035, VIEW ANY COLUMN MASTER KEY DEFINITION 1107, VIEW ANY COLUMN ENCRYPTION KEY
 *   DEFINITION 1108: the fixtures (AdventureWorksLT2022, every Sql130+ export).
 * - DELETE 4: a public DacFx export (`[Grant.Delete.Object]...` with Permission 4). INSERT 1,
 *   SELECT 2 and UPDATE 3 follow from DacFx's documented member order (Unknown, Insert, Select,
 *   Update, Delete, ...), which DELETE = 4 pins from 0.
 */
const NUMBERS: ReadonlyMap<string, { readonly number: number; readonly name: string }> = new Map([
  ['INSERT', { number: 1, name: 'Insert' }],
  ['SELECT', { number: 2, name: 'Select' }],
  ['UPDATE', { number: 3, name: 'Update' }],
  ['DELETE', { number: 4, name: 'Delete' }],
  ['CONNECT', { number: 1035, name: 'Connect' }],
  ['VIEW ANY COLUMN MASTER KEY DEFINITION', { number: 1107, name: 'ViewAnyColumnMasterKeyDefinition' }],
  [
    'VIEW ANY COLUMN ENCRYPTION KEY DEFINITION',
    { number: 1108, name: 'ViewAnyColumnEncryptionKeyDefinition' },
  ],
]);

export function dacPermission(
  permissionName: string,
): { readonly number: number; readonly name: string } | undefined {
  return NUMBERS.get(permissionName.toUpperCase());
}
