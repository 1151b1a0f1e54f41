import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ApiError } from '../../api/api-error';
import { checkAllowList } from '../../api/allow-list';
import { parseExportRequest } from '../../api/parse-export-request';
import { ACTIVE_RUNTIME_STATES } from '../../archival/instance-state';
import { targetKey, type ExportCustomStatus } from '../../orchestration/export-status';
import { OrchestratorNames } from '../../orchestration/names';
import type { ExportOrchestrationInput } from '../../orchestration/orchestration-input';
import type { ExportsApi, ExportsClient } from './exports-api';
import { ACTIVE_STATES, answer, exportUrls, isNotFound, json } from './responses';

async function readJson(request: HttpRequest): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, 'MALFORMED_JSON', `The request body is not valid JSON: ${reason}`);
  }
}

async function runningInstance(client: ExportsClient, id: string): Promise<boolean> {
  try {
    const status = await client.getStatus(id);
    return ACTIVE_STATES.includes(status.runtimeStatus);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * The running export that writes `key` (see targetKey), if any. Two exports of one blob would fail
 * one another at commit (each commit drops the other's staged blocks), so the second is refused.
 * An export started a moment ago may not show its target yet: this is a guard, not a lock.
 */
async function exportWriting(client: ExportsClient, key: string): Promise<string | undefined> {
  const active = await client.getStatusBy({ runtimeStatus: [...ACTIVE_RUNTIME_STATES] });
  return active.find(
    (s) =>
      s.name === OrchestratorNames.exportBacpac &&
      ACTIVE_STATES.includes(s.runtimeStatus) &&
      (s.customStatus as Partial<ExportCustomStatus> | undefined)?.target === key,
  )?.instanceId;
}

/** POST /api/exports: validates, checks the allow-list and the target, then starts the orchestration. */
export function startExport(
  request: HttpRequest,
  client: ExportsClient,
  api: ExportsApi,
): Promise<HttpResponseInit> {
  return answer(async () => {
    const body = await readJson(request);
    const { request: exportRequest, instanceId } = parseExportRequest(body, api.defaults);
    const { connectionSetting } = exportRequest.source;
    if (connectionSetting !== undefined && !api.hasSetting(connectionSetting)) {
      throw new ApiError(
        400,
        'INVALID_REQUEST',
        `source.connectionSetting: app setting "${connectionSetting}" is not defined`,
        {
          problems: [`source.connectionSetting: app setting "${connectionSetting}" is not defined`],
        },
      );
    }
    checkAllowList(exportRequest, api.allowList);

    if (instanceId !== undefined && (await runningInstance(client, instanceId))) {
      throw new ApiError(409, 'EXPORT_RUNNING', `Export "${instanceId}" is already running`, {
        id: instanceId,
        ...exportUrls(request, instanceId),
      });
    }
    const { target } = exportRequest;
    const writer = await exportWriting(client, targetKey(target));
    if (writer !== undefined) {
      throw new ApiError(
        409,
        'TARGET_BUSY',
        `target: ${target.container}/${target.blobName} is being written by running export "${writer}"; wait for it or cancel it`,
        {
          container: target.container,
          blobName: target.blobName,
          id: writer,
          ...exportUrls(request, writer),
        },
      );
    }
    if (!exportRequest.options.overwrite) {
      const exists = await api.targetContainer(target).getBlobClient(target.blobName).exists();
      if (exists) {
        throw new ApiError(
          409,
          'TARGET_EXISTS',
          `target: ${target.container}/${target.blobName} already exists; set options.overwrite to true to replace it`,
          { container: target.container, blobName: target.blobName },
        );
      }
    }

    const runId = api.newRunId();
    const input: ExportOrchestrationInput = { runId, request: exportRequest, settings: api.pipeline };
    const id = await client.startNew(OrchestratorNames.exportBacpac, {
      input,
      ...(instanceId === undefined ? {} : { instanceId }),
    });
    const urls = exportUrls(request, id);
    return json(
      202,
      { ...client.createHttpManagementPayload(id), ...urls, runId },
      { Location: urls.statusUrl },
    );
  });
}
