import type { ServerInfo } from './server-info';
import type { CatalogRows } from './build-model';
import { columnsSql, readColumnRow } from './columns';
import {
  CHECK_CONSTRAINTS_SQL,
  FOREIGN_KEYS_SQL,
  readCheckConstraintRow,
  readForeignKeyColumnRow,
} from './constraints';
import { EXTENDED_PROPERTIES_SQL, readExtendedPropertyRow } from './extended-properties';
import { INDEXES_SQL, readIndexColumnRow } from './indexes';
import { DEPENDENCIES_SQL, MODULES_SQL, readDependencyRow, readModuleRow } from './modules';
import { PARAMETERS_SQL, readParameterRow } from './parameters';
import type { RawRow } from './row-fields';
import {
  ALIAS_TYPES_SQL,
  readAliasTypeRow,
  readRowCountRow,
  readSchemaRow,
  ROW_COUNTS_SQL,
  SCHEMAS_SQL,
} from './schemas-types';
import {
  PERMISSION_STATEMENTS_SQL,
  PRINCIPALS_SQL,
  readPermissionStatementRow,
  readPrincipalRow,
  readRoleMemberRow,
  ROLE_MEMBERS_SQL,
} from './security';
import {
  readSequenceRow,
  readSynonymRow,
  readXmlSchemaCollectionRow,
  SEQUENCES_SQL,
  SYNONYMS_SQL,
  XML_SCHEMA_COLLECTIONS_SQL,
} from './sequences-synonyms';
import {
  readTableTypeCheckRow,
  readTableTypeKeyRow,
  TABLE_TYPE_CHECKS_SQL,
  TABLE_TYPE_KEYS_SQL,
} from './table-types';

/** Runs one catalog query and maps its rows; `what` names it in errors (`reading columns`). */
export type CatalogQuery = <T>(sql: string, read: (row: RawRow) => T, what: string) => Promise<T[]>;

/** Reads every catalog view the model needs, one set-based query per view, one after the other. */
export async function readCatalog(query: CatalogQuery, server: ServerInfo): Promise<CatalogRows> {
  return {
    server,
    schemas: await query(SCHEMAS_SQL, readSchemaRow, 'reading schemas'),
    aliasTypes: await query(ALIAS_TYPES_SQL, readAliasTypeRow, 'reading alias types'),
    columns: await query(columnsSql(), readColumnRow, 'reading columns'),
    indexes: await query(INDEXES_SQL, readIndexColumnRow, 'reading indexes'),
    foreignKeys: await query(FOREIGN_KEYS_SQL, readForeignKeyColumnRow, 'reading foreign keys'),
    checks: await query(CHECK_CONSTRAINTS_SQL, readCheckConstraintRow, 'reading check constraints'),
    modules: await query(MODULES_SQL, readModuleRow, 'reading modules'),
    dependencies: await query(DEPENDENCIES_SQL, readDependencyRow, 'reading dependencies'),
    rowCounts: await query(ROW_COUNTS_SQL, readRowCountRow, 'reading row counts'),
    parameters: await query(PARAMETERS_SQL, readParameterRow, 'reading parameters'),
    functionColumns: await query(
      columnsSql(undefined, 'functions'),
      readColumnRow,
      'reading function columns',
    ),
    tableTypeColumns: await query(
      columnsSql(undefined, 'tableTypes'),
      readColumnRow,
      'reading table type columns',
    ),
    tableTypeKeys: await query(TABLE_TYPE_KEYS_SQL, readTableTypeKeyRow, 'reading table type keys'),
    tableTypeChecks: await query(TABLE_TYPE_CHECKS_SQL, readTableTypeCheckRow, 'reading table type checks'),
    sequences: await query(SEQUENCES_SQL, readSequenceRow, 'reading sequences'),
    synonyms: await query(SYNONYMS_SQL, readSynonymRow, 'reading synonyms'),
    xmlSchemaCollections: await query(
      XML_SCHEMA_COLLECTIONS_SQL,
      readXmlSchemaCollectionRow,
      'reading xml schema collections',
    ),
    principals: await query(PRINCIPALS_SQL, readPrincipalRow, 'reading users and roles'),
    roleMembers: await query(ROLE_MEMBERS_SQL, readRoleMemberRow, 'reading role members'),
    permissions: await query(PERMISSION_STATEMENTS_SQL, readPermissionStatementRow, 'reading permissions'),
    extendedProperties: await query(
      EXTENDED_PROPERTIES_SQL,
      readExtendedPropertyRow,
      'reading extended properties',
    ),
  };
}
