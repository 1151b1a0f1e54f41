import { parseAdoConnectionString } from './parse-ado-connection-string';
import { parseMssqlUrl } from './parse-mssql-url';
import type { SqlConnectionSettings } from './connection-settings';

export type { SqlConnectionSettings } from './connection-settings';
export { describeConnection } from './describe-connection';
export { parseAdoConnectionString } from './parse-ado-connection-string';
export { parseMssqlUrl } from './parse-mssql-url';
export { parseServer } from './parse-server';
export { splitConnectionString } from './split-connection-string';

/** Parses either form: an `mssql://` / `sqlserver://` URL or an ADO.NET connection string. */
export function parseConnectionString(text: string): SqlConnectionSettings {
  const trimmed = text.trim();
  if (/^(mssql|sqlserver):\/\//i.test(trimmed)) {
    return parseMssqlUrl(trimmed.replace(/^sqlserver:/i, 'mssql:'));
  }
  return parseAdoConnectionString(trimmed);
}
