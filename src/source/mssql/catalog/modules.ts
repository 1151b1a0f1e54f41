import type { RawRow } from './row-fields';
import { bool, num, optStr, str } from './row-fields';

/** Every user view, procedure, function and DML trigger with its definition (sys.sql_modules). */
export const MODULES_SQL = `
SELECT
  o.object_id AS objectId, SCHEMA_NAME(o.schema_id) AS schemaName, o.name AS objectName,
  RTRIM(o.type) AS objectType, m.definition AS definition,
  m.uses_ansi_nulls AS usesAnsiNulls, m.uses_quoted_identifier AS usesQuotedIdentifier,
  m.is_schema_bound AS isSchemaBound, m.execute_as_principal_id AS executeAsPrincipalId,
  CASE WHEN m.definition IS NULL THEN 1 ELSE 0 END AS isEncrypted,
  OBJECT_SCHEMA_NAME(tr.parent_id) AS parentSchema, OBJECT_NAME(tr.parent_id) AS parentName,
  tr.is_instead_of_trigger AS isInsteadOf, tr.is_not_for_replication AS isNotForReplication,
  CASE WHEN EXISTS (SELECT 1 FROM sys.trigger_events AS e WHERE e.object_id = o.object_id AND e.type = 1) THEN 1 ELSE 0 END AS isInsert,
  CASE WHEN EXISTS (SELECT 1 FROM sys.trigger_events AS e WHERE e.object_id = o.object_id AND e.type = 2) THEN 1 ELSE 0 END AS isUpdate,
  CASE WHEN EXISTS (SELECT 1 FROM sys.trigger_events AS e WHERE e.object_id = o.object_id AND e.type = 3) THEN 1 ELSE 0 END AS isDelete
FROM sys.objects AS o
JOIN sys.sql_modules AS m ON m.object_id = o.object_id
LEFT JOIN sys.triggers AS tr ON tr.object_id = o.object_id AND tr.parent_class = 1
WHERE o.is_ms_shipped = 0 AND o.type IN ('V', 'P', 'FN', 'IF', 'TF', 'TR')
ORDER BY o.object_id;`;

export interface ModuleRow {
  readonly objectId: number;
  readonly schemaName: string;
  readonly objectName: string;
  /** V, P, FN, IF, TF or TR. */
  readonly objectType: string;
  /** Absent for WITH ENCRYPTION modules. */
  readonly definition?: string;
  readonly usesAnsiNulls: boolean;
  readonly usesQuotedIdentifier: boolean;
  readonly isSchemaBound: boolean;
  readonly isEncrypted: boolean;
  readonly parentSchema?: string;
  readonly parentName?: string;
  readonly isInsteadOf: boolean;
  readonly isNotForReplication: boolean;
  readonly isInsert: boolean;
  readonly isUpdate: boolean;
  readonly isDelete: boolean;
}

export function readModuleRow(row: RawRow): ModuleRow {
  const q = 'modules';
  const definition = optStr(row, 'definition', q);
  const parentSchema = optStr(row, 'parentSchema', q);
  const parentName = optStr(row, 'parentName', q);
  return {
    objectId: num(row, 'objectId', q),
    schemaName: str(row, 'schemaName', q),
    objectName: str(row, 'objectName', q),
    objectType: str(row, 'objectType', q),
    usesAnsiNulls: bool(row, 'usesAnsiNulls', q),
    usesQuotedIdentifier: bool(row, 'usesQuotedIdentifier', q),
    isSchemaBound: bool(row, 'isSchemaBound', q),
    isEncrypted: bool(row, 'isEncrypted', q),
    isInsteadOf: bool(row, 'isInsteadOf', q),
    isNotForReplication: bool(row, 'isNotForReplication', q),
    isInsert: bool(row, 'isInsert', q),
    isUpdate: bool(row, 'isUpdate', q),
    isDelete: bool(row, 'isDelete', q),
    ...(definition !== undefined ? { definition } : {}),
    ...(parentSchema !== undefined ? { parentSchema } : {}),
    ...(parentName !== undefined ? { parentName } : {}),
  };
}

/**
 * Object-level dependencies of modules (sys.sql_expression_dependencies with referencing_minor_id
 * 0), including references to other databases and servers, which the pre-flight report flags.
 */
export const DEPENDENCIES_SQL = `
SELECT DISTINCT
  d.referencing_id AS referencingId,
  d.referenced_server_name AS serverName, d.referenced_database_name AS databaseName,
  COALESCE(OBJECT_SCHEMA_NAME(d.referenced_id), d.referenced_schema_name) AS schemaName,
  COALESCE(OBJECT_NAME(d.referenced_id), d.referenced_entity_name) AS entityName,
  RTRIM(o.type) AS referencedType
FROM sys.sql_expression_dependencies AS d
LEFT JOIN sys.objects AS o ON o.object_id = d.referenced_id
WHERE d.referencing_minor_id = 0 AND d.referenced_class = 1;`;

export interface DependencyRow {
  readonly referencingId: number;
  readonly serverName?: string;
  readonly databaseName?: string;
  readonly schemaName?: string;
  readonly entityName: string;
  /** sys.objects.type of the referenced object when it is in this database. */
  readonly referencedType?: string;
}

export function readDependencyRow(row: RawRow): DependencyRow {
  const q = 'dependencies';
  const serverName = optStr(row, 'serverName', q);
  const databaseName = optStr(row, 'databaseName', q);
  const schemaName = optStr(row, 'schemaName', q);
  const referencedType = optStr(row, 'referencedType', q);
  return {
    referencingId: num(row, 'referencingId', q),
    entityName: str(row, 'entityName', q),
    ...(serverName !== undefined ? { serverName } : {}),
    ...(databaseName !== undefined ? { databaseName } : {}),
    ...(schemaName !== undefined ? { schemaName } : {}),
    ...(referencedType !== undefined ? { referencedType } : {}),
  };
}
