import { OrchestrationRuntimeStatus, type DurableOrchestrationStatus } from 'durable-functions';

/** Runtime states in which an orchestration instance still holds its id and may still do work. */
export const ACTIVE_RUNTIME_STATES: readonly OrchestrationRuntimeStatus[] = [
  OrchestrationRuntimeStatus.Running,
  OrchestrationRuntimeStatus.Pending,
  OrchestrationRuntimeStatus.ContinuedAsNew,
  OrchestrationRuntimeStatus.Suspended,
];

export function isActive(status: Pick<DurableOrchestrationStatus, 'runtimeStatus'>): boolean {
  return ACTIVE_RUNTIME_STATES.includes(status.runtimeStatus);
}

/** The durable client rejects an unknown instance id with an error that mentions HTTP 404. */
export function isUnknownInstance(error: unknown): boolean {
  return error instanceof Error && /\b404\b/.test(error.message);
}
