import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { OrchestrationRuntimeStatus } from 'durable-functions';
import { ApiError } from '../../api/api-error';
import { toStatusDocument } from '../../api/status-document';
import { OrchestratorNames } from '../../orchestration/names';
import type { ExportsClient } from './exports-api';
import { answer, exportUrls, json } from './responses';

const STATUSES = ['Running', 'Pending', 'Completed', 'Failed', 'Terminated', 'ContinuedAsNew', 'Suspended'];
const DEFAULT_DAYS = 7;
const MAX_ITEMS = 200;

function parseStatuses(raw: string | null): OrchestrationRuntimeStatus[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const statuses = raw.split(',').map((s) => s.trim());
  const unknown = statuses.filter((s) => !STATUSES.includes(s));
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `status: unknown value ${unknown.map((s) => `"${s}"`).join(', ')}; expected ${STATUSES.join(', ')}`,
      {
        problems: [`status: unknown value ${unknown.join(', ')}`],
      },
    );
  }
  return statuses as OrchestrationRuntimeStatus[];
}

function parseDays(raw: string | null): number {
  if (raw === null) return DEFAULT_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new ApiError(400, 'INVALID_REQUEST', `days: must be a whole number from 1 to 90, found "${raw}"`, {
      problems: [`days: must be a whole number from 1 to 90`],
    });
  }
  return days;
}

/** GET /api/exports?status=Running,Completed&days=7: recent and running exports, newest first. */
export function listExports(
  request: HttpRequest,
  client: ExportsClient,
  now: () => Date = () => new Date(),
): Promise<HttpResponseInit> {
  return answer(async () => {
    const runtimeStatus = parseStatuses(request.query.get('status'));
    const days = parseDays(request.query.get('days'));
    const createdTimeFrom = new Date(now().getTime() - days * 86_400_000);
    const instances = await client.getStatusBy({
      createdTimeFrom,
      ...(runtimeStatus === undefined ? {} : { runtimeStatus }),
    });
    const exports = instances
      .filter((s) => s.name === OrchestratorNames.exportBacpac)
      .filter((s) => runtimeStatus === undefined || runtimeStatus.includes(s.runtimeStatus))
      .sort((a, b) => new Date(b.createdTime).getTime() - new Date(a.createdTime).getTime())
      .slice(0, MAX_ITEMS)
      .map((s) => ({ ...toStatusDocument(s), ...exportUrls(request, s.instanceId) }));
    return json(200, { exports });
  });
}
