/**
 * A SQL connection string pointed at another database on the same server, in either form the
 * source accepts: an ADO.NET string gets a final `Database=` (the last keyword wins, synonyms such
 * as Initial Catalog included), an `mssql://` URL gets its database path segment replaced.
 */
export function connectionStringForDatabase(connectionString: string, database: string): string {
  const trimmed = connectionString.trim();
  if (/^(mssql|sqlserver):\/\//i.test(trimmed)) {
    const url = new URL(trimmed);
    const segments = url.pathname.split('/').filter((s) => s !== '');
    // mssql://host/instance/database or mssql://host/database
    const instance = segments.length > 1 ? segments[0] : undefined;
    url.pathname = `/${instance === undefined ? '' : `${instance}/`}${encodeURIComponent(database)}`;
    return url.toString();
  }
  const quoted = `"${database.replace(/"/g, '""')}"`;
  return `${trimmed.replace(/;+\s*$/, '')};Database=${quoted}`;
}
