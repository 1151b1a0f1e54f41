import type { DurableOrchestrationContext, Task } from 'durable-functions';

/**
 * Waiting on tasks that are already scheduled, without scheduling them again.
 *
 * The out-of-process protocol between durable-functions (v3) and the Durable Task extension has no task
 * ids: each yielded Task.any/Task.all is sent as a compound action listing its children, and the
 * extension replays every listed child as a NEW call (azure-functions-durable-js issue #574). A sliding
 * window that yields Task.any over tasks it yielded before would therefore start them twice. The
 * extension also awaits the actions in the order they were sent, so a compound action must complete
 * whenever the orchestrator moves on, or later actions are held back.
 *
 * So the window works in two kinds of steps:
 * - `startTasks`: yields Task.any over the NEW tasks plus a timer due now. The extension schedules
 *   exactly those tasks and gets past this action as soon as the timer fires.
 * - `whenAnyScheduled`: yields Task.any over tasks all scheduled before. It is marked as scheduled
 *   itself (the library's own DFTask flag), so no action is sent and nothing is started again.
 */

/** The scheduling flag every durable-functions DFTask carries (lib/src/task/DFTask.js). */
interface SchedulingFlag {
  alreadyScheduled: boolean;
}

function hasSchedulingFlag(task: Task): task is Task & SchedulingFlag {
  return typeof (task as Partial<SchedulingFlag>).alreadyScheduled === 'boolean';
}

/** A task to yield that schedules `tasks` (all new) and completes at the latest when a due-now timer fires. */
export function startTasks(df: DurableOrchestrationContext, tasks: readonly Task[]): Task {
  for (const task of tasks) {
    if (!hasSchedulingFlag(task) || task.alreadyScheduled) {
      throw new Error('[ORCHESTRATION_SCHEDULING] startTasks was given a task that was already scheduled');
    }
  }
  return df.Task.any([...tasks, df.createTimer(df.currentUtcDateTime)]);
}

/** A task to yield that completes when any of `tasks` (all scheduled before) completes; sends no action. */
export function whenAnyScheduled(df: DurableOrchestrationContext, tasks: readonly Task[]): Task {
  for (const task of tasks) {
    if (!hasSchedulingFlag(task) || !task.alreadyScheduled) {
      throw new Error(
        '[ORCHESTRATION_SCHEDULING] whenAnyScheduled was given a task that was never scheduled',
      );
    }
  }
  const any = df.Task.any([...tasks]);
  if (!hasSchedulingFlag(any)) {
    throw new Error(
      '[ORCHESTRATION_SCHEDULING] durable-functions tasks no longer carry the alreadyScheduled flag',
    );
  }
  any.alreadyScheduled = true;
  return any;
}
