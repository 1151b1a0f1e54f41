import type { SqlCheckConstraint, SqlDefaultConstraint } from './kinds/check-default';
import type { SqlComputedColumn, SqlSimpleColumn } from './kinds/columns';
import type { SqlDatabaseOptions } from './kinds/database-options';
import type { SqlExtendedProperty } from './kinds/extended-property';
import type { SqlForeignKeyConstraint } from './kinds/foreign-key';
import type {
  SqlInlineTableValuedFunction,
  SqlMultiStatementTableValuedFunction,
  SqlScalarFunction,
  SqlScriptFunctionImplementation,
} from './kinds/functions';
import type { SqlColumnStoreIndex, SqlIndex, SqlXmlIndex } from './kinds/indexes';
import type {
  SqlIndexedColumnSpecification,
  SqlPrimaryKeyConstraint,
  SqlUniqueConstraint,
} from './kinds/keys';
import type { SqlProcedure, SqlSubroutineParameter } from './kinds/procedures';
import type { SqlDefault, SqlRule } from './kinds/rules-defaults';
import type { SqlSchema } from './kinds/schema';
import type { SqlLogin, SqlPermissionStatement, SqlRole, SqlRoleMembership, SqlUser } from './kinds/security';
import type { SqlSequence, SqlSynonym } from './kinds/sequences-synonyms';
import type { SqlTable } from './kinds/table';
import type { SqlDmlTrigger } from './kinds/triggers';
import type { SqlTypeSpecifier, SqlXmlTypeSpecifier } from './kinds/type-specifiers';
import type {
  SqlTableType,
  SqlTableTypeCheckConstraint,
  SqlTableTypeComputedColumn,
  SqlTableTypeDefaultConstraint,
  SqlTableTypeIndex,
  SqlTableTypePrimaryKeyConstraint,
  SqlTableTypeSimpleColumn,
  SqlTableTypeUniqueConstraint,
  SqlUserDefinedDataType,
} from './kinds/user-defined-types';
import type { SqlDynamicColumnSource, SqlView } from './kinds/views';
import type { SqlXmlSchemaCollection } from './kinds/xml-schema-collection';
import type { RawXml } from './values';

export type * from './values';
export type * from './kinds/check-default';
export type * from './kinds/columns';
export type * from './kinds/database-options';
export type * from './kinds/extended-property';
export type * from './kinds/foreign-key';
export type * from './kinds/functions';
export type * from './kinds/indexes';
export type * from './kinds/keys';
export type * from './kinds/procedures';
export type * from './kinds/rules-defaults';
export type * from './kinds/schema';
export type * from './kinds/security';
export type * from './kinds/sequences-synonyms';
export type * from './kinds/table';
export type * from './kinds/triggers';
export type * from './kinds/type-specifiers';
export type * from './kinds/user-defined-types';
export type * from './kinds/views';
export type * from './kinds/xml-schema-collection';

/**
 * The platforms DacFx names in DspName (`Microsoft.Data.Tools.Schema.Sql.<X>DatabaseSchemaProvider`).
 * Exports here choose among SqlAzureV12 and Sql130..Sql170; the older versions, Azure Synapse and
 * Fabric are read too, for BACPACs other tools exported from them.
 */
export type TargetPlatform =
  | 'SqlAzureV12'
  | 'Sql90'
  | 'Sql100'
  | 'Sql110'
  | 'Sql120'
  | 'Sql130'
  | 'Sql140'
  | 'Sql150'
  | 'Sql160'
  | 'Sql170'
  | 'SqlDw'
  | 'SqlServerless'
  | 'SqlDbFabric';

export const targetPlatforms: readonly TargetPlatform[] = [
  'SqlAzureV12',
  'Sql90',
  'Sql100',
  'Sql110',
  'Sql120',
  'Sql130',
  'Sql140',
  'Sql150',
  'Sql160',
  'Sql170',
  'SqlDw',
  'SqlServerless',
  'SqlDbFabric',
];

/** The attributes of `<DataSchemaModel>`. */
export interface ModelHeader {
  /** `1.2` in every real file. */
  readonly fileFormatVersion: string;
  /** `2.5` .. `3.5`: the lowest model schema version that can express the properties used. */
  readonly schemaVersion: string;
  readonly platform: TargetPlatform;
  /** Windows LCID of the database collation (1033 for SQL_Latin1_General_CP1_CI_AS). */
  readonly collationLcid: number;
  readonly collationCaseSensitive: boolean;
  /** Root attributes this library does not know, kept as read and written back after the known ones. */
  readonly otherAttributes?: readonly (readonly [string, string])[];
}

/** Every element kind, top level or nested. */
export type ModelElement =
  | SqlDatabaseOptions
  | SqlSchema
  | SqlTable
  | SqlSimpleColumn
  | SqlComputedColumn
  | SqlTypeSpecifier
  | SqlXmlTypeSpecifier
  | SqlUserDefinedDataType
  | SqlTableType
  | SqlTableTypeSimpleColumn
  | SqlTableTypeComputedColumn
  | SqlTableTypePrimaryKeyConstraint
  | SqlTableTypeUniqueConstraint
  | SqlTableTypeCheckConstraint
  | SqlTableTypeDefaultConstraint
  | SqlTableTypeIndex
  | SqlPrimaryKeyConstraint
  | SqlUniqueConstraint
  | SqlIndexedColumnSpecification
  | SqlForeignKeyConstraint
  | SqlCheckConstraint
  | SqlDefaultConstraint
  | SqlIndex
  | SqlXmlIndex
  | SqlColumnStoreIndex
  | SqlView
  | SqlDynamicColumnSource
  | SqlProcedure
  | SqlSubroutineParameter
  | SqlScalarFunction
  | SqlInlineTableValuedFunction
  | SqlMultiStatementTableValuedFunction
  | SqlScriptFunctionImplementation
  | SqlDmlTrigger
  | SqlSequence
  | SqlSynonym
  | SqlXmlSchemaCollection
  | SqlExtendedProperty
  | SqlRule
  | SqlDefault
  | SqlUser
  | SqlLogin
  | SqlRole
  | SqlRoleMembership
  | SqlPermissionStatement;

/** The element kinds that stand directly under `<Model>` (besides the database options). */
export type TopLevelElement = Exclude<
  ModelElement,
  | SqlDatabaseOptions
  | SqlSimpleColumn
  | SqlComputedColumn
  | SqlTypeSpecifier
  | SqlXmlTypeSpecifier
  | SqlIndexedColumnSpecification
  | SqlDynamicColumnSource
  | SqlSubroutineParameter
  | SqlScriptFunctionImplementation
  | SqlTableTypeSimpleColumn
  | SqlTableTypeComputedColumn
  | SqlTableTypePrimaryKeyConstraint
  | SqlTableTypeUniqueConstraint
  | SqlTableTypeCheckConstraint
  | SqlTableTypeDefaultConstraint
  | SqlTableTypeIndex
>;

export type ModelElementType = ModelElement['type'];

/** A whole model.xml: header, the one SqlDatabaseOptions, and the other top-level elements in any order. */
export interface DatabaseModel {
  readonly header: ModelHeader;
  readonly databaseOptions: SqlDatabaseOptions;
  /** Top-level elements other than the database options. The writer sorts them itself. */
  readonly elements: readonly TopLevelElement[];
  /**
   * Top-level `<Element>`s of types this library does not model, kept as read and written back in
   * their sorted place (e.g. partition functions, full-text catalogs, security policies).
   */
  readonly unmodelledElements?: readonly RawXml[];
}
