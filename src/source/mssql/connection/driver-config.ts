import type { config as MssqlConfig } from 'mssql';
import type { SqlConnectionSettings } from './connection-string';

/** Connect and command time limits in milliseconds. */
export interface SqlTimeouts {
  readonly connectTimeoutMs: number;
  /** 0 means no limit (long row streams rely on the caller's abort signal instead). */
  readonly commandTimeoutMs: number;
}

export const DEFAULT_TIMEOUTS: SqlTimeouts = Object.freeze({
  connectTimeoutMs: 30_000,
  commandTimeoutMs: 300_000,
});

/** The credentials of one connection: an Entra access token, or SQL authentication. */
export type ConnectionCredentials =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'sql'; readonly user: string; readonly password: string };

/**
 * Builds the mssql/tedious configuration of one single-connection pool. Encryption is on unless
 * the connection string turned it off, and the server certificate is validated unless the
 * connection string says TrustServerCertificate=true. Timeouts in the connection string win over
 * the defaults given.
 */
export function buildDriverConfig(
  settings: SqlConnectionSettings,
  credentials: ConnectionCredentials,
  timeouts: SqlTimeouts,
): MssqlConfig {
  const connectTimeoutMs =
    settings.connectTimeoutSeconds !== undefined
      ? settings.connectTimeoutSeconds * 1000
      : timeouts.connectTimeoutMs;
  const commandTimeoutMs =
    settings.commandTimeoutSeconds !== undefined
      ? settings.commandTimeoutSeconds * 1000
      : timeouts.commandTimeoutMs;
  return {
    server: settings.server,
    ...(settings.port !== undefined ? { port: settings.port } : {}),
    ...(settings.database !== undefined ? { database: settings.database } : {}),
    connectionTimeout: connectTimeoutMs,
    requestTimeout: commandTimeoutMs,
    authentication:
      credentials.kind === 'token'
        ? { type: 'azure-active-directory-access-token', options: { token: credentials.token } }
        : { type: 'default', options: { userName: credentials.user, password: credentials.password } },
    options: {
      encrypt: settings.encrypt,
      trustServerCertificate: settings.trustServerCertificate,
      ...(settings.instanceName !== undefined ? { instanceName: settings.instanceName } : {}),
      ...(settings.hostNameInCertificate !== undefined ? { serverName: settings.hostNameInCertificate } : {}),
      appName: settings.applicationName ?? 'bacpac-flow',
      useUTC: true,
      enableArithAbort: true,
      abortTransactionOnError: true,
      // tedious retries only its own login; this source retries whole operations.
      maxRetriesOnTransientErrors: 0,
    },
    pool: { min: 0, max: 1, idleTimeoutMillis: 30_000 },
  };
}
