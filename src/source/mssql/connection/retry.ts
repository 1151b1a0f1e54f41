import { isTransientError } from './transient-errors';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  readonly maxAttempts: number;
  /** Delay before the first retry; doubles on each following retry. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
});

/**
 * The wait before retry number `retry` (1 for the first retry): exponential backoff with "full
 * jitter" over its upper half, so concurrent workers do not retry in step. `random` is a value in
 * [0, 1), injectable for tests.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export interface RetryHooks {
  readonly isTransient?: (error: unknown) => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (error: unknown, retry: number, delayMs: number) => void;
  readonly signal?: AbortSignal;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying it after transient errors with exponential backoff and jitter.
 * A non-transient error, or the last transient one, is rethrown unchanged.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  hooks: RetryHooks = {},
): Promise<T> {
  const isTransient = hooks.isTransient ?? isTransientError;
  const sleep = hooks.sleep ?? defaultSleep;
  const random = hooks.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const aborted = hooks.signal?.aborted === true;
      if (aborted || attempt >= policy.maxAttempts || !isTransient(error)) throw error;
      const delay = backoffDelayMs(attempt, policy, random());
      hooks.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
