import { ConnectionPool } from 'mssql';
import type { TokenCredential } from '@azure/identity';
import { toSourceError } from '../errors';
import type { AuthChoice } from './auth-choice';
import type { SqlConnectionSettings } from './connection-string';
import { describeConnection } from './connection-string';
import type { ConnectionCredentials, SqlTimeouts } from './driver-config';
import { buildDriverConfig } from './driver-config';
import { credentialFor, fetchSqlToken } from './identity';
import type { RetryPolicy } from './retry';
import { withRetry } from './retry';
import type { StreamingRequest } from '../row-stream';

/** The part of an mssql Request the source uses: parameters, a query, or a paused/resumed row stream. */
export interface SqlRequest extends StreamingRequest {
  input(name: string, type: unknown, value: unknown): unknown;
  query(sql: string): Promise<{ readonly recordset: readonly unknown[] }>;
  /** Sends `sql` as a plain batch (no sp_executesql), for statements that must stand alone. */
  batch(sql: string): Promise<unknown>;
  stream: boolean;
  arrayRowMode: boolean;
}

/** The part of an mssql ConnectionPool the source uses. */
export interface SqlPool {
  request(): SqlRequest;
  close(): Promise<unknown>;
}

/** Opens connections to one database. Each call is a new connection with fresh credentials. */
export interface SqlConnector {
  /** A loggable description of the target (never a secret). */
  readonly description: string;
  /** Opens a single-connection pool, retrying transient failures. `database` overrides the target's. */
  connect(purpose: string, database?: string): Promise<SqlPool>;
}

export interface SqlConnectorOptions {
  readonly settings: SqlConnectionSettings;
  readonly auth: AuthChoice;
  readonly timeouts: SqlTimeouts;
  readonly retry: RetryPolicy;
  readonly onRetry?: (message: string) => void;
}

export function createSqlConnector(options: SqlConnectorOptions): SqlConnector {
  let credential: TokenCredential | undefined;
  const credentials = async (): Promise<ConnectionCredentials> => {
    if (options.auth.kind === 'sql') {
      return { kind: 'sql', user: options.auth.user, password: options.auth.password };
    }
    credential ??= credentialFor(options.auth.identity);
    const token = await fetchSqlToken(credential);
    return { kind: 'token', token: token.token };
  };
  const description = describeConnection(options.settings);
  return {
    description,
    async connect(purpose, database): Promise<ConnectionPool> {
      const settings = database !== undefined ? { ...options.settings, database } : options.settings;
      try {
        return await withRetry(
          async () => {
            const pool = new ConnectionPool(
              buildDriverConfig(settings, await credentials(), options.timeouts),
            );
            try {
              return await pool.connect();
            } catch (error) {
              await pool.close().catch(() => undefined);
              throw error;
            }
          },
          options.retry,
          {
            onRetry: (error, retry, delayMs) =>
              options.onRetry?.(
                `connecting to ${describeConnection(settings)} for ${purpose}: retry ${retry} in ${delayMs} ms after ${toSourceError(error, purpose).message}`,
              ),
          },
        );
      } catch (error) {
        throw toSourceError(error, `connecting to ${describeConnection(settings)} for ${purpose}`);
      }
    },
  };
}
