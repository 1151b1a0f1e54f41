import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { DurableOrchestrationStatus } from 'durable-functions';
import { toStatusDocument } from '../../api/status-document';
import type { ExportCustomStatus } from '../../orchestration/export-status';
import type { ExportsClient } from './exports-api';
import { answer, exportUrls, isNotFound, json, notFound } from './responses';

export async function getStatusOrNotFound(
  client: ExportsClient,
  id: string,
  showInput = false,
): Promise<DurableOrchestrationStatus> {
  try {
    return await client.getStatus(id, { showInput });
  } catch (error) {
    if (isNotFound(error)) throw notFound(id);
    throw error;
  }
}

async function activeBatch(
  client: ExportsClient,
  status: DurableOrchestrationStatus,
): Promise<DurableOrchestrationStatus | undefined> {
  const batch = (status.customStatus as Partial<ExportCustomStatus> | undefined)?.batch;
  if (String(status.runtimeStatus) !== 'Running' || batch === undefined) return undefined;
  // Live progress is a nicety: the parent's own figures stand in when the batch cannot be read.
  return client.getStatus(batch.instanceId).catch(() => undefined);
}

/** GET /api/exports/{id}: the export's status document; 404 JSON for an unknown id. */
export function getExport(request: HttpRequest, client: ExportsClient): Promise<HttpResponseInit> {
  return answer(async () => {
    const id = request.params.id ?? '';
    const status = await getStatusOrNotFound(client, id);
    const document = toStatusDocument(status, await activeBatch(client, status));
    return json(200, { ...document, ...exportUrls(request, id) });
  });
}
