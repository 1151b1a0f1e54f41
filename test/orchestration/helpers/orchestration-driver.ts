/**
 * Drives an orchestrator the way the Functions host does: it keeps the instance's history, invokes the
 * handler `df.app.orchestration` would register (the library's own wrapper and replay executor) with
 * that history, and records the new actions the handler returns as the Durable Task extension would
 * (TaskScheduled / TimerCreated / SubOrchestrationInstanceCreated with the next sequence number).
 * Tests then append completions, failures and timer firings and run the next episode.
 */
import { DummyOrchestrationContext, type OrchestrationHandler } from 'durable-functions';
import { ExecutionStartedEvent } from 'durable-functions/lib/src/history/ExecutionStartedEvent';
import type { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
import { OrchestratorCompletedEvent } from 'durable-functions/lib/src/history/OrchestratorCompletedEvent';
import { OrchestratorStartedEvent } from 'durable-functions/lib/src/history/OrchestratorStartedEvent';
import { SubOrchestrationInstanceCompletedEvent } from 'durable-functions/lib/src/history/SubOrchestrationInstanceCompletedEvent';
import { SubOrchestrationInstanceCreatedEvent } from 'durable-functions/lib/src/history/SubOrchestrationInstanceCreatedEvent';
import { SubOrchestrationInstanceFailedEvent } from 'durable-functions/lib/src/history/SubOrchestrationInstanceFailedEvent';
import { TaskCompletedEvent } from 'durable-functions/lib/src/history/TaskCompletedEvent';
import { TaskFailedEvent } from 'durable-functions/lib/src/history/TaskFailedEvent';
import { TaskScheduledEvent } from 'durable-functions/lib/src/history/TaskScheduledEvent';
import { TimerCreatedEvent } from 'durable-functions/lib/src/history/TimerCreatedEvent';
import { TimerFiredEvent } from 'durable-functions/lib/src/history/TimerFiredEvent';
import { ReplaySchema } from 'durable-functions/lib/src/orchestrations/ReplaySchema';
import { createOrchestrator, DurableOrchestrationInput } from 'durable-functions/lib/src/util/testingUtils';

/** One leaf action as the library serialises it (ActionType numbers from lib/src/actions/ActionType.js). */
export interface LeafAction {
  readonly actionType: number;
  readonly functionName?: string;
  readonly input?: unknown;
  readonly fireAt?: Date;
  readonly instanceId?: string;
  readonly compoundActions?: readonly LeafAction[];
}

export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CreateTimer: 5,
  WhenAny: 11,
  WhenAll: 12,
} as const;

/** The OrchestratorState fields the tests read. */
export interface EpisodeState {
  readonly isDone: boolean;
  readonly actions: readonly (readonly LeafAction[])[];
  readonly output?: unknown;
  readonly error?: string;
  readonly customStatus?: unknown;
}

export interface Episode {
  readonly state: EpisodeState;
  /** Top-level actions returned this episode (compound ones included as sent). */
  readonly topLevel: readonly LeafAction[];
  /** Leaf actions first returned in this episode, with the sequence number the extension gave them. */
  readonly scheduled: readonly { readonly id: number; readonly action: LeafAction }[];
  /** The failure message when the orchestrator threw. */
  readonly failure?: string;
}

const OUT_OF_PROC_LABEL = '\n\n$OutOfProcData$:';
const START = Date.UTC(2024, 0, 15, 8, 0, 0);

export function leaves(actions: readonly LeafAction[]): LeafAction[] {
  return actions.flatMap((a) => (a.compoundActions === undefined ? [a] : leaves(a.compoundActions)));
}

export class OrchestrationDriver {
  readonly history: HistoryEvent[] = [];
  private readonly handler: ReturnType<typeof createOrchestrator>;
  private nextId = 0;
  private recordedLeaves = 0;
  private clock = START;

  constructor(
    orchestrator: OrchestrationHandler,
    private readonly name: string,
    private readonly input: unknown,
    private readonly instanceId = 'instance-1',
  ) {
    this.handler = createOrchestrator(orchestrator);
    const timestamp = new Date(this.clock);
    this.history.push(new OrchestratorStartedEvent({ eventId: -1, timestamp, isPlayed: false }));
    this.history.push(
      new ExecutionStartedEvent({
        eventId: -1,
        timestamp,
        isPlayed: false,
        name,
        input: JSON.stringify(input),
      }),
    );
  }

  get now(): Date {
    return new Date(this.clock);
  }

  /** Runs the handler over a copy of the current history without recording anything. */
  async replay(): Promise<{ state: EpisodeState; failure?: string }> {
    const trigger = new DurableOrchestrationInput(
      this.instanceId,
      [...this.history],
      this.input,
      '3.00:00:00',
      '6.00:00:00',
      30_000,
      ReplaySchema.V4,
    );
    try {
      const state = (await this.handler(trigger, new DummyOrchestrationContext(this.name))) as EpisodeState;
      return { state };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const at = text.indexOf(OUT_OF_PROC_LABEL);
      if (at < 0) throw error;
      // The library throws with the serialised OrchestratorState; its `error` is the orchestrator's message.
      const state = JSON.parse(text.slice(at + OUT_OF_PROC_LABEL.length)) as EpisodeState;
      return { state, failure: state.error ?? '' };
    }
  }

  /** Runs one episode and records the actions it returned for the first time. */
  async run(): Promise<Episode> {
    const { state, failure } = await this.replay();
    const topLevel = state.actions[0] ?? [];
    const all = leaves(topLevel);
    const scheduled: { id: number; action: LeafAction }[] = [];
    const timestamp = new Date(this.clock);
    for (const action of all.slice(this.recordedLeaves)) {
      const id = this.nextId++;
      scheduled.push({ id, action });
      this.history.push(this.scheduledEvent(id, action, timestamp));
    }
    this.recordedLeaves = all.length;
    this.history.push(new OrchestratorCompletedEvent({ eventId: -1, timestamp, isPlayed: false }));
    return { state, topLevel, scheduled, ...(failure === undefined ? {} : { failure }) };
  }

  private scheduledEvent(id: number, action: LeafAction, timestamp: Date): HistoryEvent {
    const input = action.input === undefined ? undefined : JSON.stringify(action.input);
    switch (action.actionType) {
      case ActionType.CallActivity:
      case ActionType.CallActivityWithRetry:
        return new TaskScheduledEvent({
          eventId: id,
          timestamp,
          isPlayed: false,
          name: action.functionName!,
          input,
        });
      case ActionType.CreateTimer:
        return new TimerCreatedEvent({
          eventId: id,
          timestamp,
          isPlayed: false,
          fireAt: new Date(action.fireAt!),
        });
      case ActionType.CallSubOrchestrator:
        return new SubOrchestrationInstanceCreatedEvent({
          eventId: id,
          timestamp,
          isPlayed: false,
          name: action.functionName!,
          instanceId: action.instanceId!,
          input,
        });
      default:
        throw new Error(`the driver does not record action type ${action.actionType}`);
    }
  }

  /** Starts a new episode: the events appended next are what the host delivers to it. */
  private tick(): Date {
    this.clock += 1_000;
    const timestamp = new Date(this.clock);
    this.history.push(new OrchestratorStartedEvent({ eventId: -1, timestamp, isPlayed: false }));
    return timestamp;
  }

  complete(id: number, result: unknown): this {
    const timestamp = this.tick();
    this.history.push(
      new TaskCompletedEvent({
        eventId: -1,
        timestamp,
        isPlayed: false,
        taskScheduledId: id,
        result: JSON.stringify(result),
      }),
    );
    return this;
  }

  /**
   * The last attempt of an activity called with retry fails. The extension's retry loop still waits out
   * one more backoff timer before giving up, and the library counts attempts when that timer fires.
   */
  failLastAttempt(id: number, reason: string): this {
    this.failThenBackoff(id, reason);
    return this;
  }

  /** An attempt fails; the extension creates its backoff timer, which then fires. */
  private failThenBackoff(id: number, reason: string): { timerId: number; fired: Date } {
    const timestamp = this.tick();
    this.history.push(
      new TaskFailedEvent({
        eventId: -1,
        timestamp,
        isPlayed: false,
        taskScheduledId: id,
        reason,
        details: 'at stack',
      }),
    );
    const timerId = this.nextId++;
    const fireAt = new Date(this.clock + 5_000);
    this.history.push(new TimerCreatedEvent({ eventId: timerId, timestamp, isPlayed: false, fireAt }));
    const fired = this.tick();
    this.history.push(
      new TimerFiredEvent({ eventId: -1, timestamp: fired, isPlayed: false, timerId, fireAt }),
    );
    return { timerId, fired };
  }

  /**
   * An attempt of an activity called with retry fails and the extension schedules the retry: a timer,
   * then (when it fires) the activity again. Returns the timer's id and the new attempt's id.
   */
  failAndRetry(
    id: number,
    reason: string,
    name: string,
    input: unknown,
  ): { timerId: number; retryId: number } {
    const { timerId, fired } = this.failThenBackoff(id, reason);
    const retryId = this.nextId++;
    this.history.push(
      new TaskScheduledEvent({
        eventId: retryId,
        timestamp: fired,
        isPlayed: false,
        name,
        input: JSON.stringify(input),
      }),
    );
    return { timerId, retryId };
  }

  fireTimer(id: number): this {
    const timestamp = this.tick();
    this.history.push(
      new TimerFiredEvent({ eventId: -1, timestamp, isPlayed: false, timerId: id, fireAt: timestamp }),
    );
    return this;
  }

  completeSub(id: number, result: unknown): this {
    const timestamp = this.tick();
    this.history.push(
      new SubOrchestrationInstanceCompletedEvent({
        eventId: -1,
        timestamp,
        isPlayed: false,
        taskScheduledId: id,
        result: JSON.stringify(result),
      }),
    );
    return this;
  }

  failSub(id: number, reason: string): this {
    const timestamp = this.tick();
    this.history.push(
      new SubOrchestrationInstanceFailedEvent({
        eventId: -1,
        timestamp,
        isPlayed: false,
        taskScheduledId: id,
        reason,
        details: 'at stack',
      }),
    );
    return this;
  }
}
