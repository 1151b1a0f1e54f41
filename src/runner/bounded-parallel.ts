/**
 * Runs `task` for every index 0..count-1 with at most `limit` running at once, in index order of
 * starting. The first failure stops new tasks from starting; running ones finish, then it rethrows.
 */
export async function forEachBounded(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
  if (failure !== undefined) throw failure.error;
}

/** Calls `attempt` until it succeeds or `attempts` calls failed, waiting `delayMs(n)` between calls. */
export async function withRetry<T>(
  attempts: number,
  delayMs: (failedAttempts: number) => number,
  attempt: (n: number) => Promise<T>,
  retryable: (error: unknown) => boolean = () => true,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs(n)));
    }
  }
}
