import { ApiError } from './api-error';
import type { ExportRequest } from './export-request';
import { FieldProblems } from './field-problems';
import { parseExportOptions } from './parse-export-options';
import { parseExportSource } from './parse-export-source';
import { parseExportTarget } from './parse-export-target';
import type { RequestDefaults } from './request-defaults';
import { findSecrets } from './secret-scan';

export type { RequestDefaults } from './request-defaults';

export interface StartExportRequest {
  readonly request: ExportRequest;
  /** Caller-chosen orchestration instance id. */
  readonly instanceId?: string;
}

/**
 * Validates a start-export body and fills in defaults. Throws ApiError 400: SECRET_IN_REQUEST when any
 * field carries a password or connection string, INVALID_REQUEST listing every field-level problem.
 */
export function parseExportRequest(body: unknown, defaults: RequestDefaults): StartExportRequest {
  const secrets = findSecrets(body);
  if (secrets.length > 0) {
    throw new ApiError(
      400,
      'SECRET_IN_REQUEST',
      `The request carries a password or connection string (${secrets.join(', ')}). Credentials never travel in requests: use authentication "connection-setting" with the name of an app setting that holds the connection string, or "managed-identity".`,
      { fields: secrets },
    );
  }
  const problems = new FieldProblems();
  const root = problems.object(body, '', ['source', 'target', 'options']);
  const source = parseExportSource(root.source, problems);
  const target = parseExportTarget(root.target, defaults, problems);
  const { instanceId, ...options } = parseExportOptions(root.options, defaults, problems);
  if (problems.list.length > 0) {
    throw new ApiError(400, 'INVALID_REQUEST', problems.list.join('; '), { problems: problems.list });
  }
  return { request: { source, target, options }, ...(instanceId === undefined ? {} : { instanceId }) };
}
