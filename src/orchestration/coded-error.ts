import { errorCodeOf } from '../bacpac/errors';
import type { ExportErrorInfo } from './export-status';

/**
 * Activity and sub-orchestration failures reach an orchestrator as text only: "BacpacError: [CODE] ..."
 * (with failure details) or "Activity function 'x' failed: [CODE] ... \n <stack>" (without). These
 * helpers read the `[CODE] message` back out and write the pipeline's own failure text,
 * `[CODE] <table> part <N>: <message>`, which the parent orchestration and the status API parse again.
 */

const CODE_ANYWHERE = /\[[A-Z][A-Z0-9_]*\]/;
const MAX_MESSAGE_CHARS = 2_000;

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** The first `[CODE] message` in a failure text; `fallbackCode` when the text carries no code. */
export function codedMessageOf(error: unknown, fallbackCode: string): { code: string; message: string } {
  const text = errorText(error);
  const at = text.search(CODE_ANYWHERE);
  if (at < 0) return { code: fallbackCode, message: firstLine(text) };
  const rest = text.slice(at);
  const code = errorCodeOf(rest) ?? fallbackCode;
  return { code, message: firstLine(rest.slice(code.length + 2).trimStart()) };
}

/** Drops the stack trace the durable extension appends after " \n ". */
function firstLine(text: string): string {
  const cut = text.indexOf(' \n ');
  const message = (cut >= 0 ? text.slice(0, cut) : text).trim();
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}...` : message;
}

/** The failure text without its code: `<table> part <N>: <message>`. */
export function failureBody(info: ExportErrorInfo): string {
  const where =
    info.part === undefined
      ? info.table === undefined
        ? ''
        : `${info.table}: `
      : `${info.table === undefined ? '' : `${info.table} `}part ${info.part}: `;
  return `${where}${info.message}`;
}

export function formatFailure(info: ExportErrorInfo): string {
  return `[${info.code}] ${failureBody(info)}`;
}

const PART_FAILURE = /^(?:(.+?) )?part (\d+): ([\s\S]*)$/;

/** Reads a failure text written by formatFailure (possibly wrapped by the durable runtime) back. */
export function parseFailure(error: unknown, fallbackCode: string): ExportErrorInfo {
  const { code, message } = codedMessageOf(error, fallbackCode);
  const match = PART_FAILURE.exec(message);
  if (match === null) return { code, message };
  const [, table, part, rest] = match;
  return {
    code,
    message: rest ?? '',
    part: Number(part),
    ...(table === undefined ? {} : { table }),
  };
}
