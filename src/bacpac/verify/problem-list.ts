import type { VerifyCode, VerifyProblem } from './types';

/** Collects problems as the checks find them, so verification can go on after the first. */
export class ProblemList {
  readonly items: VerifyProblem[] = [];

  error(code: VerifyCode, message: string, where: { part?: string; table?: string } = {}): void {
    this.items.push({ code, severity: 'error', ...where, message });
  }

  warning(code: VerifyCode, message: string, where: { part?: string; table?: string } = {}): void {
    this.items.push({ code, severity: 'warning', ...where, message });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/** The text of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of a thrown BacpacError (or of any error with a string `code`). */
export function codeOf(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export function isZipError(error: unknown): boolean {
  return codeOf(error)?.startsWith('ZIP_') ?? false;
}
