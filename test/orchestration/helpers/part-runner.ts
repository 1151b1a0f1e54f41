import type { ExportPartInput } from '../../../src/orchestration/contracts';
import { ActivityNames } from '../../../src/orchestration/contracts';
import { ActionType, type Episode, type OrchestrationDriver } from './orchestration-driver';

/** Parts in flight (part index -> task sequence id) and the due-now timers to fire, from one episode. */
export function collect(episode: Episode, inFlight: Map<number, number>): number[] {
  const timers: number[] = [];
  for (const { id, action } of episode.scheduled) {
    if (action.functionName === ActivityNames.exportPart)
      inFlight.set((action.input as ExportPartInput).partIndex, id);
    else if (action.actionType === ActionType.CreateTimer) timers.push(id);
  }
  return timers;
}

/**
 * Completes parts (lowest index first) through `settle`, firing start-step timers as they appear, until
 * no part is in flight; returns the last episode and the largest number of parts ever in flight.
 */
export async function drainParts(
  driver: OrchestrationDriver,
  first: Episode,
  settle: (partIndex: number, id: number) => void,
): Promise<{ last: Episode; maxInFlight: number }> {
  const inFlight = new Map<number, number>();
  let last = first;
  const pendingTimers = collect(first, inFlight);
  let maxInFlight = inFlight.size;
  for (;;) {
    if (pendingTimers.length > 0) {
      driver.fireTimer(pendingTimers.shift()!);
    } else if (inFlight.size > 0) {
      const [partIndex, id] = [...inFlight.entries()].sort((a, b) => a[0] - b[0])[0]!;
      inFlight.delete(partIndex);
      settle(partIndex, id);
    } else {
      return { last, maxInFlight };
    }
    last = await driver.run();
    pendingTimers.push(...collect(last, inFlight));
    maxInFlight = Math.max(maxInFlight, inFlight.size);
  }
}
