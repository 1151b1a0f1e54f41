import type { TokenCredential } from '@azure/identity';
import {
  DefaultAzureCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import { MssqlSourceError } from '../errors';

/** The scope of an access token for Azure SQL Database and SQL Server with Entra authentication. */
export const SQL_TOKEN_SCOPE = 'https://database.windows.net/.default';

/** How the app proves its Microsoft Entra identity to the server. */
export type EntraIdentity =
  /** The Function app's system-assigned identity, or a user-assigned one by client id. */
  | { readonly kind: 'managedIdentity'; readonly clientId?: string }
  /** Kubernetes workload identity (AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_FEDERATED_TOKEN_FILE). */
  | { readonly kind: 'workloadIdentity'; readonly clientId?: string; readonly tenantId?: string }
  /** DefaultAzureCredential: environment, workload and managed identity, then developer sign-ins. */
  | { readonly kind: 'default'; readonly managedIdentityClientId?: string }
  /** A credential the caller built. */
  | { readonly kind: 'credential'; readonly credential: TokenCredential };

export function credentialFor(identity: EntraIdentity): TokenCredential {
  switch (identity.kind) {
    case 'managedIdentity':
      return identity.clientId !== undefined
        ? new ManagedIdentityCredential({ clientId: identity.clientId })
        : new ManagedIdentityCredential();
    case 'workloadIdentity':
      return new WorkloadIdentityCredential({
        ...(identity.clientId !== undefined ? { clientId: identity.clientId } : {}),
        ...(identity.tenantId !== undefined ? { tenantId: identity.tenantId } : {}),
      });
    case 'default':
      return new DefaultAzureCredential(
        identity.managedIdentityClientId !== undefined
          ? { managedIdentityClientId: identity.managedIdentityClientId }
          : {},
      );
    case 'credential':
      return identity.credential;
  }
}

export interface AccessTokenValue {
  readonly token: string;
  readonly expiresOnTimestamp: number;
}

/**
 * Fetches a token for SQL. Called once per new connection: the credential caches tokens and
 * refreshes them before they expire, so a long export never connects with a stale token.
 */
export async function fetchSqlToken(credential: TokenCredential): Promise<AccessTokenValue> {
  let token: Awaited<ReturnType<TokenCredential['getToken']>>;
  try {
    token = await credential.getToken(SQL_TOKEN_SCOPE);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MssqlSourceError(
      'SQL_IDENTITY',
      `could not get a Microsoft Entra token for ${SQL_TOKEN_SCOPE}: ${message}`,
    );
  }
  if (token === null) {
    throw new MssqlSourceError('SQL_IDENTITY', `the credential returned no token for ${SQL_TOKEN_SCOPE}`);
  }
  return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
}
