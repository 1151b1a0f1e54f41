import type { RawRow } from './row-fields';
import { bool, num, str } from './row-fields';

/** Every foreign key of the database, one row per column pair. */
export const FOREIGN_KEYS_SQL = `
SELECT
  fk.object_id AS constraintId, SCHEMA_NAME(fk.schema_id) AS schemaName, fk.name AS constraintName,
  fk.is_system_named AS isSystemNamed, fk.delete_referential_action AS onDelete,
  fk.update_referential_action AS onUpdate, fk.is_not_for_replication AS isNotForReplication,
  fk.is_not_trusted AS isNotTrusted, fk.is_disabled AS isDisabled,
  OBJECT_SCHEMA_NAME(fk.parent_object_id) AS tableSchema, OBJECT_NAME(fk.parent_object_id) AS tableName,
  OBJECT_SCHEMA_NAME(fk.referenced_object_id) AS foreignSchema, OBJECT_NAME(fk.referenced_object_id) AS foreignTable,
  pc.name AS columnName, rc.name AS foreignColumnName
FROM sys.foreign_keys AS fk
JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
WHERE fk.is_ms_shipped = 0
ORDER BY fk.object_id, fkc.constraint_column_id;`;

export interface ForeignKeyColumnRow {
  readonly constraintId: number;
  readonly schemaName: string;
  readonly constraintName: string;
  readonly isSystemNamed: boolean;
  /** 0 no action, 1 cascade, 2 set null, 3 set default. */
  readonly onDelete: number;
  readonly onUpdate: number;
  readonly isNotForReplication: boolean;
  readonly isNotTrusted: boolean;
  readonly isDisabled: boolean;
  readonly tableSchema: string;
  readonly tableName: string;
  readonly foreignSchema: string;
  readonly foreignTable: string;
  readonly columnName: string;
  readonly foreignColumnName: string;
}

export function readForeignKeyColumnRow(row: RawRow): ForeignKeyColumnRow {
  const q = 'foreign keys';
  return {
    constraintId: num(row, 'constraintId', q),
    schemaName: str(row, 'schemaName', q),
    constraintName: str(row, 'constraintName', q),
    isSystemNamed: bool(row, 'isSystemNamed', q),
    onDelete: num(row, 'onDelete', q),
    onUpdate: num(row, 'onUpdate', q),
    isNotForReplication: bool(row, 'isNotForReplication', q),
    isNotTrusted: bool(row, 'isNotTrusted', q),
    isDisabled: bool(row, 'isDisabled', q),
    tableSchema: str(row, 'tableSchema', q),
    tableName: str(row, 'tableName', q),
    foreignSchema: str(row, 'foreignSchema', q),
    foreignTable: str(row, 'foreignTable', q),
    columnName: str(row, 'columnName', q),
    foreignColumnName: str(row, 'foreignColumnName', q),
  };
}

/** Every check constraint on a user table. */
export const CHECK_CONSTRAINTS_SQL = `
SELECT
  SCHEMA_NAME(cc.schema_id) AS schemaName, cc.name AS constraintName, cc.definition AS definition,
  cc.is_system_named AS isSystemNamed, cc.is_not_trusted AS isNotTrusted,
  cc.is_not_for_replication AS isNotForReplication, cc.is_disabled AS isDisabled,
  OBJECT_SCHEMA_NAME(cc.parent_object_id) AS tableSchema, OBJECT_NAME(cc.parent_object_id) AS tableName
FROM sys.check_constraints AS cc
JOIN sys.tables AS t ON t.object_id = cc.parent_object_id
WHERE t.is_ms_shipped = 0
ORDER BY cc.parent_object_id, cc.object_id;`;

export interface CheckConstraintRow {
  readonly schemaName: string;
  readonly constraintName: string;
  readonly definition: string;
  readonly isSystemNamed: boolean;
  readonly isNotTrusted: boolean;
  readonly isNotForReplication: boolean;
  readonly isDisabled: boolean;
  readonly tableSchema: string;
  readonly tableName: string;
}

export function readCheckConstraintRow(row: RawRow): CheckConstraintRow {
  const q = 'check constraints';
  return {
    schemaName: str(row, 'schemaName', q),
    constraintName: str(row, 'constraintName', q),
    definition: str(row, 'definition', q),
    isSystemNamed: bool(row, 'isSystemNamed', q),
    isNotTrusted: bool(row, 'isNotTrusted', q),
    isNotForReplication: bool(row, 'isNotForReplication', q),
    isDisabled: bool(row, 'isDisabled', q),
    tableSchema: str(row, 'tableSchema', q),
    tableName: str(row, 'tableName', q),
  };
}
