import { BacpacError } from '../../bacpac/errors';

/**
 * Errors of the SQL Server source. Codes:
 * - SQL_ERROR: the server refused a statement (its error number and message follow the code)
 * - SQL_CONNECTION: the server could not be reached or the login failed
 * - SQL_CONFIG: the connection string or the source options are not usable
 * - SQL_PERMISSION: the principal lacks a permission the export needs
 * - SQL_UNSUPPORTED: the database holds objects a BACPAC cannot carry
 * - SQL_SNAPSHOT_UNAVAILABLE: snapshot consistency was asked for and the database does not allow it
 * - SQL_VALUE: a value read from the server does not have the expected shape
 */
export class MssqlSourceError extends BacpacError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
    this.name = 'MssqlSourceError';
  }
}

/** The fields of a driver (mssql / tedious) error that classification and reporting use. */
export interface DriverErrorShape {
  readonly message: string;
  readonly code?: string;
  readonly number?: number;
  readonly originalError?: unknown;
  readonly precedingErrors?: readonly unknown[];
}

/** Reads the fields of a driver error without trusting its type. */
export function driverErrorShape(error: unknown): DriverErrorShape {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const record = error as Record<string, unknown>;
  const shape: {
    message: string;
    code?: string;
    number?: number;
    originalError?: unknown;
    precedingErrors?: readonly unknown[];
  } = { message: typeof record.message === 'string' ? record.message : JSON.stringify(record) };
  if (typeof record.code === 'string') shape.code = record.code;
  if (typeof record.number === 'number') shape.number = record.number;
  if (record.originalError !== undefined) shape.originalError = record.originalError;
  if (Array.isArray(record.precedingErrors)) shape.precedingErrors = record.precedingErrors;
  return shape;
}

/** The server error number carried by a driver error or the error it wraps. */
export function serverErrorNumber(error: unknown): number | undefined {
  const shape = driverErrorShape(error);
  if (shape.number !== undefined) return shape.number;
  if (shape.originalError !== undefined && shape.originalError !== error) {
    return serverErrorNumber(shape.originalError);
  }
  return undefined;
}

/**
 * Turns a driver error into a coded error whose message starts with the server's number and
 * text, e.g. `[SQL_ERROR] 229 The SELECT permission was denied ... (while reading [dbo].[T])`.
 */
export function toSourceError(error: unknown, context: string): MssqlSourceError {
  if (error instanceof MssqlSourceError) return error;
  const shape = driverErrorShape(error);
  const number = serverErrorNumber(error);
  if (number !== undefined) {
    return new MssqlSourceError('SQL_ERROR', `${number} ${shape.message} (${context})`, {
      number,
      context,
    });
  }
  return new MssqlSourceError('SQL_CONNECTION', `${shape.code ?? 'ERROR'} ${shape.message} (${context})`, {
    driverCode: shape.code,
    context,
  });
}
