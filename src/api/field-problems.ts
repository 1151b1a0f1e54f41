/** A JSON object from a request body, its fields not yet checked. */
export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Collects field-level problems of a request body, each starting with the field path. The readers
 * record a problem and return a fallback instead of throwing, so that one response lists them all.
 */
export class FieldProblems {
  readonly list: string[] = [];

  add(message: string): void {
    this.list.push(message);
  }

  /** An object whose keys must all be in `known`; `{}` when it is not an object. */
  object(value: unknown, path: string, known: readonly string[]): JsonObject {
    if (!isObject(value)) {
      this.add(`${path}: must be an object`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.add(`${path === '' ? key : `${path}.${key}`}: unknown field`);
    }
    return value;
  }

  /** A non-empty string, optionally matching `pattern` (described as `expected`); `''` when absent. */
  text(value: unknown, path: string, pattern?: RegExp, expected?: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(`${path}: must be a non-empty string`);
      return '';
    }
    if (pattern !== undefined && !pattern.test(value))
      this.add(`${path}: must be ${expected}, found "${value}"`);
    return value;
  }

  /** One of `choices`, or `fallback` when absent or wrong. */
  choice<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      this.add(
        `${path}: must be one of ${choices.map((c) => `"${c}"`).join(', ')}, found ${JSON.stringify(value)}`,
      );
      return fallback;
    }
    return value as T;
  }

  /** A whole number from `min` to `max`, or `fallback` when absent or wrong. */
  integer(value: unknown, path: string, min: number, max: number, fallback: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(`${path}: must be a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }
}
