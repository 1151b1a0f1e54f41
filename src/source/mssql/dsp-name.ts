import type { TargetPlatform } from '../../bacpac/model/types';

/** SERVERPROPERTY('EngineEdition') of Azure SQL Database. */
export const ENGINE_EDITION_AZURE_SQL_DATABASE = 5;
/** SERVERPROPERTY('EngineEdition') of Azure SQL Managed Instance. */
export const ENGINE_EDITION_MANAGED_INSTANCE = 8;

/** The on-premises platforms the model supports, by SQL Server major version. */
const BY_MAJOR_VERSION: ReadonlyMap<number, TargetPlatform> = new Map<number, TargetPlatform>([
  [13, 'Sql130'],
  [14, 'Sql140'],
  [15, 'Sql150'],
  [16, 'Sql160'],
  [17, 'Sql170'],
]);

const NEWEST: TargetPlatform = 'Sql170';
const OLDEST: TargetPlatform = 'Sql130';
/** Managed Instance is versionless and follows the newest SQL Server release it is compatible with. */
const MANAGED_INSTANCE: TargetPlatform = 'Sql160';

/**
 * The target platform (model.xml `DspName` is `Microsoft.Data.Tools.Schema.Sql.<X>DatabaseSchemaProvider`) for a source server: `SqlAzureV12` for Azure SQL Database (engine
 * edition 5), as in real Azure exports; otherwise `SqlNNN` for the server's major version (13 is
 * SQL Server 2016, ..., 17 is SQL Server 2025). A version newer than any known one gets the newest
 * known platform, one older than SQL Server 2016 gets Sql130 (the oldest the model writes), and
 * Managed Instance (edition 8, which may report major version 12) gets Sql160.
 */
export function choosePlatform(engineEdition: number, productMajorVersion: number): TargetPlatform {
  let platform: TargetPlatform;
  if (engineEdition === ENGINE_EDITION_AZURE_SQL_DATABASE) platform = 'SqlAzureV12';
  else if (engineEdition === ENGINE_EDITION_MANAGED_INSTANCE && productMajorVersion < 16) {
    platform = MANAGED_INSTANCE;
  } else if (productMajorVersion > 17) platform = NEWEST;
  else platform = BY_MAJOR_VERSION.get(productMajorVersion) ?? OLDEST;
  return platform;
}
