import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ApiError, errorBody } from '../../api/api-error';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json', ...headers } };
}

export function errorResponse(error: unknown): HttpResponseInit {
  if (error instanceof ApiError) return json(error.status, errorBody(error));
  const message = error instanceof Error ? error.message : String(error);
  return json(500, { code: 'INTERNAL_ERROR', message, details: {} });
}

/** Runs a handler and turns every error into a JSON `{code, message, details}` response. */
export async function answer(work: () => Promise<HttpResponseInit>): Promise<HttpResponseInit> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}

/** Our own URLs for one export, on the host and route prefix the request came in on. */
export function exportUrls(request: HttpRequest, id: string): { statusUrl: string; cancelUrl: string } {
  const url = new URL(request.url);
  const marker = url.pathname.indexOf('/exports');
  const base = `${url.origin}${marker >= 0 ? url.pathname.slice(0, marker) : '/api'}/exports/${encodeURIComponent(id)}`;
  return { statusUrl: base, cancelUrl: `${base}/cancel` };
}

/** The v3 durable client rejects unknown instance ids with an error that mentions HTTP 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && /\b404\b/.test(error.message);
}

export function notFound(id: string): ApiError {
  return new ApiError(404, 'EXPORT_NOT_FOUND', `No export with id "${id}"`, { id });
}

export const ACTIVE_STATES: readonly string[] = ['Running', 'Pending', 'ContinuedAsNew', 'Suspended'];
