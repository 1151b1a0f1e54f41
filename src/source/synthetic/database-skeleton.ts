import type {
  ModelHeader,
  SqlDatabaseOptions,
  SqlPermissionStatement,
  SqlSchema,
  SqlUserDefinedDataType,
} from '../../bacpac/model';
import { builtIn } from '../../bacpac/model';

/**
 * The parts every synthetic database shares, as a SQL Server 2022 export writes them: the model
 * header (Sql160 provider, schema version 3.5, LCID 1033 case-insensitive) and the database options
 * of the AdventureWorksLT2022 fixture, and the two VIEW ANY COLUMN ... KEY DEFINITION grants to
 * public that SQL Server 2016 and later create in every database.
 */

export const COLLATION = 'SQL_Latin1_General_CP1_CI_AS';

export const MODEL_HEADER: ModelHeader = {
  fileFormatVersion: '1.2',
  schemaVersion: '3.5',
  platform: 'Sql160',
  collationLcid: 1033,
  collationCaseSensitive: false,
};

/** Disambiguator of the database options: the permission statements refer to the database by it. */
const DATABASE_DISAMBIGUATOR = 1;

export const DATABASE_OPTIONS: SqlDatabaseOptions = {
  type: 'SqlDatabaseOptions',
  disambiguator: DATABASE_DISAMBIGUATOR,
  properties: {
    Collation: COLLATION,
    IsAnsiNullsOn: true,
    IsAnsiWarningsOn: true,
    IsArithAbortOn: true,
    IsConcatNullYieldsNullOn: true,
    IsCursorDefaultScopeGlobal: true,
    IsTornPageProtectionOn: false,
    RecoveryMode: 1,
    IsFullTextEnabled: true,
    QueryStoreCaptureMode: 2,
    QueryStoreMaxStorageSize: 1000,
    TemporalHistoryRetentionEnabled: false,
  },
  relationships: { DefaultFilegroup: builtIn('[PRIMARY]') },
};

function publicGrant(permission: number, name: string): SqlPermissionStatement {
  return {
    type: 'SqlPermissionStatement',
    name: `[Grant.${name}.Database].[public].[dbo]`,
    properties: { Permission: permission },
    relationships: {
      Grantee: builtIn('[public]'),
      SecuredObject: { disambiguator: DATABASE_DISAMBIGUATOR },
    },
  };
}

export const DEFAULT_GRANTS: readonly SqlPermissionStatement[] = [
  publicGrant(1108, 'ViewAnyColumnEncryptionKeyDefinition'),
  publicGrant(1107, 'ViewAnyColumnMasterKeyDefinition'),
];

/** A schema owned by dbo. */
export function schemaElement(name: string): SqlSchema {
  return {
    type: 'SqlSchema',
    name: `[${name}]`,
    properties: {},
    relationships: { Authorizer: builtIn('[dbo]') },
  };
}

/** An alias type in dbo over a built-in base type with a length (`[dbo].[AccountCode]` varchar(20)). */
export function aliasType(qualifiedName: string, baseType: string, length: number): SqlUserDefinedDataType {
  return {
    type: 'SqlUserDefinedDataType',
    name: qualifiedName,
    properties: { Length: length },
    relationships: { Schema: builtIn('[dbo]'), Type: builtIn(`[${baseType}]`) },
  };
}
