import { BacpacError } from '../bacpac/errors';
import type { Consistency, ExportSourceSpec } from '../api/export-request';
import { COPY_NAME_INFIX } from './copy-database-name';
import { connectionStringForDatabase } from './connection-database';
import { createMssqlSource } from './mssql/mssql-source';
import type { EntraIdentity } from './mssql/connection/identity';
import type { ExportSource } from './types';

export interface SqlSourceSettings {
  /** App settings (or the process environment) where connection settings are looked up by name. */
  readonly settings: Readonly<Record<string, string | undefined>>;
  /** Client id of a user-assigned managed identity; the system-assigned one when absent. */
  readonly managedIdentityClientId?: string;
  readonly connectTimeoutSeconds: number;
  readonly commandTimeoutSeconds: number;
  /** The identity for `managed-identity` requests (default: the app's managed identity). */
  readonly identity?: EntraIdentity;
}

/** How to reach a request's source: a connection string, and the Entra identity when it has no password. */
export interface SqlConnectionFor {
  readonly connectionString: string;
  readonly identity?: EntraIdentity;
}

/**
 * The connection a request names: the connection string held in the named app setting, or one built
 * from the server and database for a Microsoft Entra token (managed identity). The request itself
 * never carries a secret.
 */
export function sqlConnectionFor(spec: ExportSourceSpec, options: SqlSourceSettings): SqlConnectionFor {
  if (spec.authentication === 'connection-setting') {
    const name = spec.connectionSetting ?? '';
    const connectionString = options.settings[name];
    if (!connectionString) {
      throw new BacpacError(
        'SETTING_MISSING',
        `source.connectionSetting: the app setting "${name}" is not set; it must hold the SQL connection string`,
        { setting: name },
      );
    }
    return { connectionString };
  }
  const identity: EntraIdentity = options.identity ?? {
    kind: 'managedIdentity',
    ...(options.managedIdentityClientId ? { clientId: options.managedIdentityClientId } : {}),
  };
  const server =
    spec.server.includes(',') || spec.server.startsWith('tcp:') ? spec.server : `tcp:${spec.server},1433`;
  return { connectionString: `Server=${server};Database=${spec.database};Encrypt=True`, identity };
}

/**
 * Opens the SQL Server source an export request names. With `consistency: "copy"` the request's
 * database is the Azure SQL Database copy the run made (the orchestrator puts the copy's name there),
 * and the connection goes to that database whatever database the connection setting names.
 */
export function sqlSourceFor(
  spec: ExportSourceSpec,
  consistency: Consistency,
  options: SqlSourceSettings,
): ExportSource {
  if (consistency === 'copy' && !spec.database.includes(COPY_NAME_INFIX)) {
    throw new BacpacError(
      'CONSISTENCY_UNSUPPORTED',
      `${spec.server}/${spec.database}: consistency "copy" reads a database copy made by startDatabaseCopy ` +
        `(named <database>${COPY_NAME_INFIX}<run>), not the database itself`,
    );
  }
  const connection = sqlConnectionFor(spec, options);
  return createMssqlSource({
    connectionString:
      consistency === 'copy'
        ? connectionStringForDatabase(connection.connectionString, spec.database)
        : connection.connectionString,
    ...(connection.identity ? { identity: connection.identity } : {}),
    consistency,
    connectTimeoutMs: options.connectTimeoutSeconds * 1000,
    ...(options.commandTimeoutSeconds > 0 ? { commandTimeoutMs: options.commandTimeoutSeconds * 1000 } : {}),
  });
}
