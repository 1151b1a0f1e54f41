import { BacpacError } from '../bacpac/errors';
import type { Consistency, ExportSourceSpec } from '../api/export-request';
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

/**
 * Opens the SQL Server source an export request names: with a connection string held in the named
 * app setting, or with a Microsoft Entra token for the server and database (managed identity). The
 * request itself never carries a secret.
 */
export function sqlSourceFor(
  spec: ExportSourceSpec,
  consistency: Consistency,
  options: SqlSourceSettings,
): ExportSource {
  if (consistency === 'copy') {
    throw new BacpacError(
      'CONSISTENCY_UNSUPPORTED',
      `${spec.server}/${spec.database}: consistency "copy" is not available yet; use "snapshot" or "none"`,
    );
  }
  const common = {
    consistency,
    connectTimeoutMs: options.connectTimeoutSeconds * 1000,
    ...(options.commandTimeoutSeconds > 0 ? { commandTimeoutMs: options.commandTimeoutSeconds * 1000 } : {}),
  };
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
    return createMssqlSource({ connectionString, ...common });
  }
  const identity: EntraIdentity = options.identity ?? {
    kind: 'managedIdentity',
    ...(options.managedIdentityClientId ? { clientId: options.managedIdentityClientId } : {}),
  };
  const server =
    spec.server.includes(',') || spec.server.startsWith('tcp:') ? spec.server : `tcp:${spec.server},1433`;
  const connectionString = `Server=${server};Database=${spec.database};Encrypt=True`;
  return createMssqlSource({ connectionString, identity, ...common });
}
