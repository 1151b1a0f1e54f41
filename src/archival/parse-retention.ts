import type { RetentionPolicy } from './archive-job';

const MAX_KEEP_LAST = 10_000;
const MAX_AGE_DAYS = 36_500;

/**
 * A job's `retention`: `{ keepLast?, maxAgeDays? }` with at least one rule. Problems are pushed as
 * `<path>.<field>: ...`.
 */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseRetention(value: unknown, path: string, problems: string[]): RetentionPolicy {
  if (!isObject(value)) {
    problems.push(`${path}: required: an object with keepLast and/or maxAgeDays`);
    return {};
  }
  for (const key of Object.keys(value)) {
    if (key !== 'keepLast' && key !== 'maxAgeDays') problems.push(`${path}.${key}: unknown field`);
  }
  const whole = (field: 'keepLast' | 'maxAgeDays', max: number): number | undefined => {
    const v = value[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
      problems.push(`${path}.${field}: must be a whole number from 1 to ${max}, found ${JSON.stringify(v)}`);
      return undefined;
    }
    return v;
  };
  const keepLast = whole('keepLast', MAX_KEEP_LAST);
  const maxAgeDays = whole('maxAgeDays', MAX_AGE_DAYS);
  if (value.keepLast === undefined && value.maxAgeDays === undefined) {
    problems.push(`${path}: must set keepLast, maxAgeDays or both`);
  }
  return {
    ...(keepLast === undefined ? {} : { keepLast }),
    ...(maxAgeDays === undefined ? {} : { maxAgeDays }),
  };
}
