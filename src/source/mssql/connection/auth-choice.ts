import { MssqlSourceError } from '../errors';
import type { SqlConnectionSettings } from './connection-string';
import type { EntraIdentity } from './identity';

/** How connections authenticate, decided once from the connection string and the options. */
export type AuthChoice =
  | { readonly kind: 'sql'; readonly user: string; readonly password: string }
  | { readonly kind: 'entra'; readonly identity: EntraIdentity };

/**
 * SQL authentication only when the connection string carries both User ID and Password (and no
 * Entra `Authentication=` keyword). Otherwise an Entra token: the connection string's
 * `Authentication=Active Directory Managed Identity|Default|Workload Identity` when present (for
 * managed identity, `User ID` is the user-assigned client id, as in Microsoft.Data.SqlClient), else
 * the identity from the options, else DefaultAzureCredential.
 */
export function chooseAuth(settings: SqlConnectionSettings, identity?: EntraIdentity): AuthChoice {
  const keyword = settings.authentication?.trim().toLowerCase().replace(/\s+/g, ' ');
  switch (keyword) {
    case undefined:
    case 'sql password':
    case 'sqlpassword':
      if (settings.user !== undefined && settings.password !== undefined) {
        return { kind: 'sql', user: settings.user, password: settings.password };
      }
      if (keyword !== undefined) {
        throw new MssqlSourceError(
          'SQL_CONFIG',
          'connection string: Authentication=SqlPassword needs both User ID and Password',
        );
      }
      return { kind: 'entra', identity: identity ?? { kind: 'default' } };
    case 'active directory managed identity':
    case 'active directory msi':
      return {
        kind: 'entra',
        identity:
          settings.user !== undefined
            ? { kind: 'managedIdentity', clientId: settings.user }
            : { kind: 'managedIdentity' },
      };
    case 'active directory default':
      return { kind: 'entra', identity: { kind: 'default' } };
    case 'active directory workload identity':
      return {
        kind: 'entra',
        identity:
          settings.user !== undefined
            ? { kind: 'workloadIdentity', clientId: settings.user }
            : { kind: 'workloadIdentity' },
      };
    default:
      throw new MssqlSourceError(
        'SQL_CONFIG',
        `connection string: Authentication="${settings.authentication ?? ''}" is not supported; use SQL ` +
          'authentication (User ID and Password) or Active Directory Managed Identity, Workload Identity or Default',
      );
  }
}
