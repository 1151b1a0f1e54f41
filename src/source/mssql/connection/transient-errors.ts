import { driverErrorShape, serverErrorNumber } from '../errors';

/**
 * Server error numbers that Azure SQL Database and SQL Server raise for conditions that pass on
 * their own (failover, throttling, reconfiguration, resource limits, dropped sessions). The list
 * follows Microsoft's documented transient faults for Azure SQL and the baseline transient list of
 * Microsoft.Data.SqlClient's configurable retry logic.
 */
export const TRANSIENT_SERVER_ERRORS: ReadonlySet<number> = new Set([
  -2, // client-side timeout expired
  20, // the instance does not support encryption / connection reset during login
  64, // the specified network name is no longer available
  233, // connection established, then an error during login
  997, // overlapped I/O in progress (named pipes)
  1204, // no LOCK resource available
  1205, // deadlock victim
  1222, // lock request time-out
  4060, // cannot open the database requested by the login
  4221, // login to a read-secondary failed: long wait on HADR_DATABASE_WAIT_FOR_TRANSITION_TO_VERSIONING
  10053, // transport-level error: connection aborted by software in the host
  10054, // transport-level error: connection reset by peer
  10060, // network error: connection attempt timed out
  10928, // resource ID limit reached
  10929, // minimum guarantee not met: server too busy
  11001, // host not known (transient during DNS failover)
  40143, // the service encountered an error processing the request
  40197, // the service encountered an error processing the request (failover)
  40501, // the service is currently busy
  40540, // the service encountered an error processing the request
  40613, // database not currently available
  42108, // cannot connect to the SQL pool
  42109, // the SQL pool is warming up
  49918, // not enough resources to process the request
  49919, // too many create or update operations in progress
  49920, // too many operations in progress
]);

/** Driver and socket error codes for connections that broke or timed out on the way. */
export const TRANSIENT_DRIVER_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ETIMEOUT',
  'ESOCKET',
  'ECONNCLOSED',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * Whether an error from the driver is worth retrying: a transient server error number anywhere in
 * the chain (the error, the error it wraps, and the errors that preceded it in the same batch), or
 * a connection that broke or timed out. A cancelled request is never transient.
 */
export function isTransientError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): boolean => {
    if (candidate === undefined || candidate === null || seen.has(candidate)) return false;
    seen.add(candidate);
    const shape = driverErrorShape(candidate);
    if (shape.code === 'ECANCEL' || shape.code === 'EABORT') return false;
    const number = serverErrorNumber(candidate);
    if (number !== undefined && TRANSIENT_SERVER_ERRORS.has(number)) return true;
    if (shape.code !== undefined && TRANSIENT_DRIVER_CODES.has(shape.code)) return true;
    if (visit(shape.originalError)) return true;
    return (shape.precedingErrors ?? []).some(visit);
  };
  return visit(error);
}
