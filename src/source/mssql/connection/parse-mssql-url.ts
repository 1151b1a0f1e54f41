import type { SqlConnectionSettings } from './connection-settings';
import { configError } from './connection-string-error';
import { parseAdoConnectionString } from './parse-ado-connection-string';

/**
 * Parses `mssql://user:password@host[:port][/instance]/database?encrypt=true&trustServerCertificate=false`.
 * The query parameters are read as ADO.NET keywords.
 */
export function parseMssqlUrl(text: string): SqlConnectionSettings {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError('the mssql:// URL cannot be parsed');
  }
  const pathParts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const database = pathParts.length > 1 ? pathParts[1] : pathParts[0];
  const instanceName = pathParts.length > 1 ? pathParts[0] : undefined;
  const pairs: string[] = [];
  for (const [key, value] of url.searchParams) pairs.push(`${key}=${quoteValue(value)}`);
  const base = parseAdoConnectionString(pairs.join(';') + ';Server=' + quoteValue(url.hostname));
  return Object.freeze({
    ...base,
    ...(url.port !== '' ? { port: Number(url.port) } : {}),
    ...(instanceName !== undefined ? { instanceName } : {}),
    ...(database !== undefined ? { database } : {}),
    ...(url.username !== '' ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
  });
}

function quoteValue(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
