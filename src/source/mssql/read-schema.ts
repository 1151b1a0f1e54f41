import type { ReadSchemaOptions, SourceSchema } from '../types';
import { buildModel } from './catalog/build-model';
import { readCatalog } from './catalog/read-catalog';
import type { CatalogQuery } from './catalog/read-catalog';
import { readServerInfo, SERVER_INFO_SQL } from './catalog/server-info';
import { ENGINE_EDITION_AZURE_SQL_DATABASE } from './dsp-name';
import { MssqlSourceError } from './errors';
import { CLUSTERED_KEYS_SQL, readClusteredKeyRow } from './preflight/clustered-keys';
import type { UnsupportedObjectRow } from './preflight/findings';
import { preflightFindings, UNSUPPORTED_OBJECTS_SQL } from './preflight/findings';
import type { PermissionRow } from './preflight/permissions';
import { missingPermissions, PERMISSIONS_SQL, permissionError } from './preflight/permissions';

export interface ReadSchemaSettings {
  readonly consistency: 'none' | 'snapshot' | 'copy';
  readonly onUnsupported: 'fail' | 'skip';
}

/**
 * Reads the schema of the connected database: permissions first, then server facts, every
 * catalog view, the pre-flight report (unsupported objects fail the export unless `skip`), and
 * the model with the tables to export.
 */
export async function readSchemaWith(
  query: CatalogQuery,
  settings: ReadSchemaSettings,
  options?: ReadSchemaOptions,
): Promise<SourceSchema> {
  const [perms] = await query(PERMISSIONS_SQL, (r) => r as unknown as PermissionRow, 'checking permissions');
  const [principal] = await query('SELECT USER_NAME() AS u;', (r) => String(r.u), 'reading the user name');
  const missing = perms ? missingPermissions(perms) : ['VIEW DEFINITION', 'SELECT', 'VIEW DATABASE STATE'];
  const [server] = await query(SERVER_INFO_SQL, readServerInfo, 'reading server and database properties');
  if (server === undefined)
    throw new MssqlSourceError('SQL_CATALOG', 'sys.databases returned no row for the current database');
  if (missing.length > 0) throw permissionError(server.databaseName, principal ?? 'the login', missing);
  if (settings.consistency === 'snapshot' && server.snapshotIsolationState !== 1) {
    throw new MssqlSourceError(
      'SQL_SNAPSHOT_UNAVAILABLE',
      `database [${server.databaseName}] does not allow snapshot isolation (ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION ON), found snapshot_isolation_state ${server.snapshotIsolationState}`,
    );
  }
  const catalog = await readCatalog(query, server);
  const unsupported = await query(
    UNSUPPORTED_OBJECTS_SQL,
    (r) => r as unknown as UnsupportedObjectRow,
    'looking for unsupported objects',
  );
  const clusteredKeys = await query(CLUSTERED_KEYS_SQL, readClusteredKeyRow, 'reading clustered keys');
  const findings = preflightFindings({
    ...catalog,
    unsupported,
    clusteredKeys,
    targetIsAzure: server.engineEdition === ENGINE_EDITION_AZURE_SQL_DATABASE,
  });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && settings.onUnsupported === 'fail') {
    throw new MssqlSourceError(
      'SQL_UNSUPPORTED',
      `database [${server.databaseName}] holds objects a BACPAC cannot carry: ` +
        errors.map((f) => `${f.object} (${f.code}: ${f.message})`).join('; '),
      { findings: errors },
    );
  }
  const excluded = new Set(errors.map((f) => f.object));
  const built = buildModel(catalog, { excluded, ...(options?.tables ? { tables: options.tables } : {}) });
  return {
    model: built.model,
    tables: built.tables,
    databaseName: server.databaseName,
    serverVersion: server.serverVersion,
    ...(server.sizeKb !== undefined ? { databaseSizeKb: server.sizeKb } : {}),
    findings: [
      ...findings.map((f) =>
        f.severity === 'error'
          ? { ...f, severity: 'warning' as const, message: `${f.message} (left out of the export)` }
          : f,
      ),
      ...built.findings,
    ],
    consistent: settings.consistency === 'copy',
  };
}
