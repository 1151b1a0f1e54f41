/**
 * The error every part of the BACPAC library throws. The code is part of the message text so that it
 * survives boundaries that keep only text (a durable activity's failure reaches its orchestrator as a
 * string); `details` names the object concerned for callers that still hold the instance.
 */
export class BacpacError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(`[${code}] ${message}`);
    this.name = 'BacpacError';
  }
}

/** Reads the `[CODE]` prefix back out of an error message that crossed a text-only boundary. */
export function errorCodeOf(message: string): string | undefined {
  const match = /^\[([A-Z0-9_]+)\]/.exec(message);
  return match?.[1];
}
