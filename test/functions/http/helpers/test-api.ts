import type { ContainerClient } from '@azure/storage-blob';
import { HttpRequest } from '@azure/functions';
import { normaliseAccountUrl } from '../../../../src/api/app-account-url';
import type { ExportsApi } from '../../../../src/functions/http/exports-api';
import { pipelineSettings } from '../../../../src/orchestration/orchestration-input';
import { testBlobService } from '../../../helpers/azurite';

/** An ExportsApi over Azurite: the target container and the staging container are real containers. */
export async function testApi(
  staging: ContainerClient,
  overrides: Partial<ExportsApi> = {},
): Promise<ExportsApi> {
  const service = await testBlobService();
  const appAccountUrl = normaliseAccountUrl(service.url);
  let runs = 0;
  return {
    defaults: { appAccountUrl, maxParallelism: 4, splitRowThreshold: 1_000_000, compression: 'normal' },
    allowList: { appAccountUrl },
    pipeline: pipelineSettings(3),
    cancelGraceSeconds: 300,
    staging,
    targetContainer: (target) => service.getContainerClient(target.container),
    hasSetting: (name) => name === 'SALES_DB',
    newRunId: () => `run-${++runs}`,
    ...overrides,
  };
}

export function postJson(path: string, body: unknown, params: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: `http://localhost:7071/api/${path}`,
    body: { string: typeof body === 'string' ? body : JSON.stringify(body) },
    headers: { 'content-type': 'application/json' },
    params,
  });
}

export function get(path: string, params: Record<string, string> = {}): HttpRequest {
  return new HttpRequest({ method: 'GET', url: `http://localhost:7071/api/${path}`, params });
}
