/**
 * Types for the parts of durable-functions v3 that its public typings leave out but that the
 * orchestration tests drive directly: the history event classes the Functions host sends, and the
 * wrapper `df.app.orchestration` puts around a handler (lib/src/util/testingUtils.js).
 */

declare module 'durable-functions/lib/src/history/HistoryEvent' {
  export class HistoryEvent {
    EventType: number;
    EventId: number;
    IsPlayed: boolean;
    Timestamp: Date;
  }
}

declare module 'durable-functions/lib/src/history/OrchestratorStartedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class OrchestratorStartedEvent extends HistoryEvent {
    constructor(options: { eventId: number; timestamp: Date; isPlayed: boolean });
  }
}

declare module 'durable-functions/lib/src/history/OrchestratorCompletedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class OrchestratorCompletedEvent extends HistoryEvent {
    constructor(options: { eventId: number; timestamp: Date; isPlayed: boolean });
  }
}

declare module 'durable-functions/lib/src/history/ExecutionStartedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class ExecutionStartedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      name: string;
      input?: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/TaskScheduledEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class TaskScheduledEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      name: string;
      input?: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/TaskCompletedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class TaskCompletedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      taskScheduledId: number;
      result: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/TaskFailedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class TaskFailedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      taskScheduledId: number;
      reason?: string;
      details?: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/TimerCreatedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class TimerCreatedEvent extends HistoryEvent {
    constructor(options: { eventId: number; timestamp: Date; isPlayed: boolean; fireAt: Date });
  }
}

declare module 'durable-functions/lib/src/history/TimerFiredEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class TimerFiredEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      timerId: number;
      fireAt: Date;
    });
  }
}

declare module 'durable-functions/lib/src/history/SubOrchestrationInstanceCreatedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class SubOrchestrationInstanceCreatedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      name: string;
      instanceId: string;
      input?: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/SubOrchestrationInstanceCompletedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class SubOrchestrationInstanceCompletedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      taskScheduledId: number;
      result: string;
    });
  }
}

declare module 'durable-functions/lib/src/history/SubOrchestrationInstanceFailedEvent' {
  import { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  export class SubOrchestrationInstanceFailedEvent extends HistoryEvent {
    constructor(options: {
      eventId: number;
      timestamp: Date;
      isPlayed: boolean;
      taskScheduledId: number;
      reason?: string;
      details?: string;
    });
  }
}

declare module 'durable-functions/lib/src/orchestrations/ReplaySchema' {
  export enum ReplaySchema {
    V1 = 0,
    V2 = 1,
    V3 = 2,
    V4 = 3,
  }
}

declare module 'durable-functions/lib/src/util/testingUtils' {
  import type { InvocationContext } from '@azure/functions';
  import type { OrchestrationHandler } from 'durable-functions';
  import type { HistoryEvent } from 'durable-functions/lib/src/history/HistoryEvent';
  import type { ReplaySchema } from 'durable-functions/lib/src/orchestrations/ReplaySchema';

  /** The orchestration trigger payload the Functions host delivers. */
  export class DurableOrchestrationInput {
    constructor(
      instanceId?: string,
      history?: HistoryEvent[],
      input?: unknown,
      longRunningTimerIntervalDuration?: string,
      maximumShortTimerDuration?: string,
      defaultHttpAsyncRequestSleepTimeMillseconds?: number,
      schemaVersion?: ReplaySchema,
      isReplaying?: boolean,
      parentInstanceId?: string,
    );
  }

  /** What `df.app.orchestration` registers as the function's handler. */
  export function createOrchestrator(
    fn: OrchestrationHandler,
  ): (trigger: DurableOrchestrationInput, context: InvocationContext) => Promise<unknown>;
}
