import type { CatalogRows } from '../../../src/source/mssql/catalog/build-model';
import { readColumnRow } from '../../../src/source/mssql/catalog/columns';
import type { ColumnRow } from '../../../src/source/mssql/catalog/columns';
import { readServerInfo } from '../../../src/source/mssql/catalog/server-info';

/** The row SERVER_INFO_SQL returns for a SQL Server 2022 database (collation SQL_Latin1_General_CP1_CI_AS). */
export const SERVER_ROW = {
  databaseName: 'shop',
  serverVersion: 'Microsoft SQL Server 2022 (RTM) - 16.0.1000.6 (X64)',
  engineEdition: 3,
  majorVersion: 16,
  collationName: 'SQL_Latin1_General_CP1_CI_AS',
  collationLcid: 1033,
  compatibilityLevel: 160,
  snapshotIsolationState: 0,
  isReadCommittedSnapshotOn: false,
  isAnsiNullDefaultOn: false,
  isAnsiNullsOn: false,
  isAnsiPaddingOn: false,
  isAnsiWarningsOn: false,
  isArithAbortOn: false,
  isConcatNullYieldsNullOn: false,
  isQuotedIdentifierOn: false,
  isCursorCloseOnCommitOn: false,
  isLocalCursorDefault: false,
  isAutoCloseOn: false,
  recoveryModel: 3,
  pageVerifyOption: 2,
  isFullTextEnabled: false,
  isBrokerEnabled: false,
  isEncrypted: false,
  targetRecoveryTime: 60,
  containment: 0,
  sizeKb: '16384',
};

/** A row of columnsSql() as the driver returns it: an `int NOT NULL` column unless overridden. */
export function rawColumnRow(over: Record<string, unknown>): Record<string, unknown> {
  return {
    schemaName: 'dbo',
    tableName: 'T',
    tableId: 1,
    columnId: 1,
    columnName: 'Id',
    typeName: 'int',
    typeSchema: 'sys',
    isAliasType: false,
    isAssemblyType: false,
    baseTypeName: 'int',
    maxLength: 4,
    precision: 10,
    scale: 0,
    isNullable: false,
    isIdentity: false,
    isRowGuidCol: false,
    isComputed: false,
    isSparse: false,
    isFileStream: false,
    isColumnSet: false,
    collationName: null,
    identitySeed: null,
    identityIncrement: null,
    identityLastValue: null,
    identityNotForReplication: false,
    computedDefinition: null,
    isPersisted: false,
    xmlCollectionName: null,
    xmlCollectionSchema: null,
    isXmlDocument: false,
    defaultName: null,
    defaultDefinition: null,
    defaultIsSystemNamed: false,
    ...over,
  };
}

/** The same row as readColumnRow makes it. */
export function columnRow(over: Record<string, unknown>): ColumnRow {
  return readColumnRow(rawColumnRow(over));
}

/** Catalog rows of an empty database, to be completed by each test. */
export function emptyCatalog(over: Partial<CatalogRows> = {}): CatalogRows {
  return {
    server: readServerInfo(SERVER_ROW),
    schemas: [],
    aliasTypes: [],
    columns: [],
    indexes: [],
    foreignKeys: [],
    checks: [],
    modules: [],
    dependencies: [],
    rowCounts: [],
    parameters: [],
    functionColumns: [],
    tableTypeColumns: [],
    tableTypeKeys: [],
    tableTypeChecks: [],
    sequences: [],
    synonyms: [],
    xmlSchemaCollections: [],
    principals: [],
    roleMembers: [],
    permissions: [],
    extendedProperties: [],
    ...over,
  };
}
