import type { DurableOrchestrationStatus } from 'durable-functions';
import { writeRunRecord, type ArchiveRunRecord } from './archive-history';
import type { ArchiveJob } from './archive-job';
import { archiveOrchestrationInput, archiveRunIds } from './archive-run-input';
import { parseArchiveInstanceId } from './archive-slot';
import { ArchivalNames } from './archival-names';
import type { ArchivalClient, ArchivalRuntime } from './archival-runtime';
import { ACTIVE_RUNTIME_STATES, isActive, isUnknownInstance } from './instance-state';

/** What one timer firing did for one job. */
export interface SlotDecision {
  readonly job: string;
  readonly slot: string;
  readonly instanceId: string;
  /**
   * started: the archive run was started; duplicate: an instance for this slot already exists (a
   * retried or repeated firing), nothing started; skipped: the job's previous run is still running;
   * error: the start itself failed.
   */
  readonly action: 'started' | 'duplicate' | 'skipped' | 'error';
  readonly reason?: string;
  readonly blockedBy?: string;
}

async function existingStatus(
  client: ArchivalClient,
  id: string,
): Promise<DurableOrchestrationStatus | undefined> {
  try {
    return await client.getStatus(id);
  } catch (error) {
    if (isUnknownInstance(error)) return undefined;
    throw error;
  }
}

/**
 * Handles one firing of the archival timer for the occurrence `scheduledTime`: for every job, starts
 * the archive orchestration `archive-<job>-<slot>` unless an instance with that id already exists, and
 * skips the job (recording the skip in its history) while another of its archive runs is active.
 * Jobs are independent: one job's failure to start does not stop the others.
 */
export async function startDueArchives(
  scheduledTime: Date,
  client: ArchivalClient,
  runtime: Pick<ArchivalRuntime, 'jobs' | 'history' | 'pipeline' | 'newRunId'>,
  now: () => Date,
  log: (message: string) => void,
): Promise<SlotDecision[]> {
  const active = await client.getStatusBy({ runtimeStatus: [...ACTIVE_RUNTIME_STATES] });
  const decisions: SlotDecision[] = [];
  for (const job of runtime.jobs) {
    const decision = await startOne(job, scheduledTime, active, client, runtime, now).catch(
      (error: unknown): SlotDecision => ({
        job: job.name,
        ...archiveRunIds(job, scheduledTime),
        action: 'error',
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
    const what =
      decision.action === 'started'
        ? 'started'
        : decision.action === 'duplicate'
          ? `not started: ${decision.reason ?? ''}`
          : `${decision.action}: ${decision.reason ?? ''}`;
    log(`archive job ${job.name} slot ${decision.slot} (${decision.instanceId}) ${what}`);
    decisions.push(decision);
  }
  return decisions;
}

async function startOne(
  job: ArchiveJob,
  scheduledTime: Date,
  active: readonly DurableOrchestrationStatus[],
  client: ArchivalClient,
  runtime: Pick<ArchivalRuntime, 'history' | 'pipeline' | 'newRunId'>,
  now: () => Date,
): Promise<SlotDecision> {
  const { slot, instanceId } = archiveRunIds(job, scheduledTime);
  const ids = { job: job.name, slot, instanceId };
  const existing = await existingStatus(client, instanceId);
  if (existing !== undefined) {
    return {
      ...ids,
      action: 'duplicate',
      reason: `instance ${instanceId} already exists (${existing.runtimeStatus})`,
    };
  }
  const startedAt = now();
  const record: ArchiveRunRecord = {
    ...ids,
    scheduledTime: scheduledTime.toISOString(),
    startedAt: startedAt.toISOString(),
    outcome: 'started',
  };
  const blocking = active.find(
    (s) => s.instanceId !== instanceId && parseArchiveInstanceId(s.instanceId)?.job === job.name,
  );
  const running = blocking === undefined ? undefined : await existingStatus(client, blocking.instanceId);
  if (blocking !== undefined && running !== undefined && isActive(running)) {
    const reason = `previous run ${blocking.instanceId} is still ${running.runtimeStatus}`;
    await writeRunRecord(runtime.history, {
      ...record,
      outcome: 'skipped',
      finishedAt: startedAt.toISOString(),
      skippedReason: reason,
      blockedBy: blocking.instanceId,
    });
    return { ...ids, action: 'skipped', reason, blockedBy: blocking.instanceId };
  }
  const input = archiveOrchestrationInput(job, scheduledTime, {
    runId: runtime.newRunId(),
    startedAt,
    pipeline: runtime.pipeline,
  });
  await writeRunRecord(runtime.history, { ...record, blob: input.export.request.target.blobName });
  try {
    await client.startNew(ArchivalNames.archiveBacpac, { instanceId, input });
  } catch (error) {
    // Another firing may have started the same slot between the check and here.
    if ((await existingStatus(client, instanceId)) !== undefined) {
      return { ...ids, action: 'duplicate', reason: `instance ${instanceId} was started concurrently` };
    }
    const message = error instanceof Error ? error.message : String(error);
    await writeRunRecord(runtime.history, {
      ...record,
      outcome: 'failed',
      finishedAt: now().toISOString(),
      error: `[ARCHIVE_START_FAILED] ${message}`,
    });
    throw error;
  }
  return { ...ids, action: 'started' };
}
