import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ArchivalError } from './archival-error';
import type { ArchivalClient, ArchivalRuntime } from './archival-runtime';
import { describeArchives } from './describe-archives';

function json(status: number, body: unknown): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json' } };
}

/**
 * GET /api/archives: every archive job with its last run, last result, next run and the archives kept.
 * `runtime` is a function so invalid archival settings answer with their problems (500,
 * `{ code, message, details: { problems } }`) instead of stopping the host.
 */
export async function getArchives(
  _request: HttpRequest,
  client: ArchivalClient,
  runtime: () => ArchivalRuntime,
  now: () => Date = () => new Date(),
): Promise<HttpResponseInit> {
  try {
    return json(200, await describeArchives(runtime(), client, now()));
  } catch (error) {
    if (error instanceof ArchivalError) {
      return json(500, { code: error.code, message: error.message, details: { problems: error.problems } });
    }
    const message = error instanceof Error ? error.message : String(error);
    return json(500, { code: 'INTERNAL_ERROR', message, details: {} });
  }
}
