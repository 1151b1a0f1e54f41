import type { SqlConnectionSettings } from './connection-settings';

/** A one-line description of the target that is safe to log: never the password. */
export function describeConnection(settings: SqlConnectionSettings): string {
  const port = settings.port !== undefined ? `,${settings.port}` : '';
  const instance = settings.instanceName !== undefined ? `\\${settings.instanceName}` : '';
  const user = settings.user !== undefined ? ` as ${settings.user}` : '';
  return `${settings.server}${instance}${port}/${settings.database ?? '(default database)'}${user}`;
}
