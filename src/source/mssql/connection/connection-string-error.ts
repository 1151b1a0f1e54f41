import { MssqlSourceError } from '../errors';

/** The SQL_CONFIG error for a connection string or URL that cannot be read; `what` says why. */
export function configError(what: string): MssqlSourceError {
  return new MssqlSourceError('SQL_CONFIG', `connection string: ${what}`);
}
