import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { ContainerClient } from '@azure/storage-blob';
import { ApiError } from '../../api/api-error';
import type { DatabaseCopyRef } from '../../orchestration/copy-contracts';
import type { ExportCustomStatus } from '../../orchestration/export-status';
import { OrchestratorNames } from '../../orchestration/names';
import type { CancelCleanupInput, ExportOrchestrationInput } from '../../orchestration/orchestration-input';
import { isValidRunId, StagingLayout } from '../../orchestration/staging-layout';
import { copyDatabaseName } from '../../source/copy-database-name';
import type { ExportsApi, ExportsClient } from './exports-api';
import { getStatusOrNotFound } from './get-export';
import { ACTIVE_STATES, answer, json } from './responses';

/** Writes the cancel marker, then deletes every other staging blob of the run; returns how many. */
export async function markCancelledAndClear(staging: ContainerClient, runId: string): Promise<number> {
  const marker = StagingLayout.cancelMarker(runId);
  const text = 'cancelled';
  await staging.getBlockBlobClient(marker).upload(text, Buffer.byteLength(text));
  let deleted = 0;
  for await (const blob of staging.listBlobsFlat({ prefix: StagingLayout.prefix(runId) })) {
    if (blob.name === marker) continue;
    const response = await staging.deleteBlob(blob.name, { deleteSnapshots: 'include' }).then(
      () => true,
      (error: unknown) => {
        if ((error as { statusCode?: number }).statusCode === 404) return false;
        throw error;
      },
    );
    if (response) deleted += 1;
  }
  return deleted;
}

function runIdOf(input: unknown, customStatus: unknown): string | undefined {
  const fromInput = (input as Partial<ExportOrchestrationInput> | undefined)?.runId;
  const fromStatus = (customStatus as Partial<ExportCustomStatus> | undefined)?.runId;
  const runId = typeof fromInput === 'string' ? fromInput : fromStatus;
  return typeof runId === 'string' && isValidRunId(runId) ? runId : undefined;
}

/**
 * The database copy of a `consistency: "copy"` run: the name its status recorded, else the name the
 * run gives its copy (the copy may have been started just before the status recorded it).
 */
function copyOf(input: unknown, customStatus: unknown, runId: string): DatabaseCopyRef | undefined {
  const request = (input as Partial<ExportOrchestrationInput> | undefined)?.request;
  if (request?.options?.consistency !== 'copy') return undefined;
  const recorded = (customStatus as Partial<ExportCustomStatus> | undefined)?.consistency?.copyDatabase;
  return {
    source: request.source,
    copyDatabase: typeof recorded === 'string' ? recorded : copyDatabaseName(request.source.database, runId),
  };
}

/**
 * POST /api/exports/{id}/cancel: writes the cancel marker (running activities stop at their next
 * chunk; assemble never commits), terminates the export and its running batch, deletes the staging
 * blobs, and starts cleanupCancelledRun to delete them again after a grace period (and to drop the
 * run's database copy, for `consistency: "copy"`).
 */
export function cancelExport(
  request: HttpRequest,
  client: ExportsClient,
  api: ExportsApi,
): Promise<HttpResponseInit> {
  return answer(async () => {
    const id = request.params.id ?? '';
    const status = await getStatusOrNotFound(client, id, true);
    if (!ACTIVE_STATES.includes(status.runtimeStatus)) {
      throw new ApiError(
        409,
        'EXPORT_NOT_RUNNING',
        `Export "${id}" is ${status.runtimeStatus}; only a running export can be cancelled`,
        {
          id,
          runtimeStatus: status.runtimeStatus,
        },
      );
    }
    const runId = runIdOf(status.input, status.customStatus);
    if (runId === undefined) {
      throw new ApiError(409, 'EXPORT_NOT_CANCELLABLE', `Instance "${id}" is not an export run (no run id)`, {
        id,
      });
    }
    const deletedStagingBlobs = await markCancelledAndClear(api.staging, runId);
    await client.terminate(id, 'cancelled through the API');
    const batch = (status.customStatus as Partial<ExportCustomStatus> | undefined)?.batch;
    if (batch !== undefined) {
      // The batch may have finished meanwhile; the marker stops its parts either way.
      await client.terminate(batch.instanceId, 'export cancelled').catch(() => undefined);
    }
    const copy = copyOf(status.input, status.customStatus, runId);
    const target = (status.input as Partial<ExportOrchestrationInput> | undefined)?.request?.target;
    const cleanupInput: CancelCleanupInput = {
      runId,
      graceSeconds: api.cancelGraceSeconds,
      ...(target === undefined ? {} : { target }),
      ...(copy === undefined ? {} : { copy }),
    };
    const cleanupInstanceId = await client.startNew(OrchestratorNames.cleanupCancelledRun, {
      instanceId: `${runId}-cancel-cleanup`,
      input: cleanupInput,
    });
    return json(202, { id, runId, runtimeStatus: 'Terminated', deletedStagingBlobs, cleanupInstanceId });
  });
}
