import { ExportCancelledError } from '../activities/activity-error';
import { BacpacError } from '../bacpac/errors';
import type { ActivityImplementations } from '../orchestration/contracts';
import type {
  DatabaseCopyRef,
  DatabaseCopyStatus,
  StartDatabaseCopyResult,
} from '../orchestration/copy-contracts';

/** How the in-process runner waits for a database copy: plain waits, growing from first to max. */
export interface LocalCopyWait {
  readonly firstPollMs: number;
  readonly maxPollMs: number;
  /** The copy fails the export with [COPY_TIMEOUT] when not online after this long. */
  readonly maxWaitMs: number;
}

export const DEFAULT_LOCAL_COPY_WAIT: LocalCopyWait = Object.freeze({
  firstPollMs: 30_000,
  maxPollMs: 120_000,
  maxWaitMs: 6 * 3600_000,
});

function sleep(ms: number, runId: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ExportCancelledError(runId));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ExportCancelledError(runId));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The in-process counterpart of the orchestrator's copy steps: starts the copy through the
 * startDatabaseCopy activity, then waits (30 s at first, doubling to 2 min, by default) between
 * databaseCopyStatus calls until the copy is online. Aborting `signal` stops the wait with
 * [EXPORT_CANCELLED].
 */
export async function startAndAwaitCopyLocally(
  activities: Pick<ActivityImplementations, 'startDatabaseCopy' | 'databaseCopyStatus'>,
  runId: string,
  copy: DatabaseCopyRef,
  wait: LocalCopyWait,
  options: { readonly signal?: AbortSignal; readonly onStatus?: (status: DatabaseCopyStatus) => void } = {},
): Promise<StartDatabaseCopyResult> {
  const where = `copy [${copy.copyDatabase}] of ${copy.source.server}/${copy.source.database}`;
  if (options.signal?.aborted) throw new ExportCancelledError(runId);
  const started = await activities.startDatabaseCopy({ runId, source: copy.source });
  const deadline = Date.now() + wait.maxWaitMs;
  let last: DatabaseCopyStatus = { state: 'copying' };
  for (let poll = 0; ; poll += 1) {
    const now = Date.now();
    if (now >= deadline) {
      const percent = last.percent === undefined ? '' : `, ${last.percent}%`;
      throw new BacpacError(
        'COPY_TIMEOUT',
        `${where} was not online after ${wait.maxWaitMs / 1000} s (last state: ${last.state}${percent})`,
      );
    }
    const delay = Math.min(wait.firstPollMs * 2 ** Math.min(poll, 30), wait.maxPollMs, deadline - now);
    await sleep(delay, runId, options.signal);
    last = await activities.databaseCopyStatus(copy);
    options.onStatus?.(last);
    if (last.state === 'online') return started;
    if (last.state === 'failed') {
      throw new BacpacError('COPY_FAILED', `${where} failed: ${last.message ?? 'no reason given'}`);
    }
  }
}
