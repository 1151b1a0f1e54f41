import { BacpacError, errorCodeOf } from '../bacpac/errors';

/**
 * Gives a failure the context of the activity that met it, keeping its code: `[CODE] <where>: <message>`.
 * Errors without a code get `fallbackCode`. Only the message text crosses the activity boundary, so
 * everything the orchestrator and the status API need is in it.
 */
export function withContext(error: unknown, where: string, fallbackCode: string): BacpacError {
  const text = error instanceof Error ? error.message : String(error);
  const code = errorCodeOf(text) ?? fallbackCode;
  const message = errorCodeOf(text) ? text.slice(code.length + 2).trimStart() : text;
  return new BacpacError(code, message.startsWith(where) ? message : `${where}: ${message}`, { where });
}

export class ExportCancelledError extends BacpacError {
  constructor(runId: string) {
    super('EXPORT_CANCELLED', `export ${runId} was cancelled`);
  }
}
