/**
 * An error the HTTP API answers with: its status, a stable code, a message and details. Every error
 * response body is `{ code, message, details }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export function errorBody(error: ApiError): ErrorBody {
  return { code: error.code, message: error.message, details: error.details };
}
