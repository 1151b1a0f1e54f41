import { ApiError } from './api-error';
import type { ExportRequest } from './export-request';

/** Where exports may read from and write to (from the app settings). */
export interface AllowList {
  /** Host-name patterns (a leading `*.` matches any subdomain); undefined allows any server. */
  readonly sourceServers?: readonly string[];
  /** Account URLs, optionally limited to one container; undefined allows the app storage account only. */
  readonly targets?: readonly { readonly accountUrl: string; readonly container?: string }[];
  readonly appAccountUrl: string;
}

function hostOf(server: string): string {
  return server.split(',')[0]!.toLowerCase();
}

function serverAllowed(server: string, patterns: readonly string[]): boolean {
  const host = hostOf(server);
  return patterns.some((pattern) =>
    pattern.startsWith('*.')
      ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1
      : host === pattern,
  );
}

function sameAccount(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/** Throws ApiError 403 OUTSIDE_ALLOW_LIST naming the source server or target that is not allowed. */
export function checkAllowList(request: ExportRequest, allow: AllowList): void {
  const { server } = request.source;
  if (allow.sourceServers !== undefined && !serverAllowed(server, allow.sourceServers)) {
    throw new ApiError(
      403,
      'OUTSIDE_ALLOW_LIST',
      `source.server: "${hostOf(server)}" is not in the allowed source servers`,
      {
        field: 'source.server',
      },
    );
  }
  const { accountUrl, container } = request.target;
  const targets = allow.targets ?? [{ accountUrl: allow.appAccountUrl }];
  const allowed = targets.some(
    (rule) =>
      sameAccount(rule.accountUrl, accountUrl) &&
      (rule.container === undefined || rule.container === container),
  );
  if (!allowed) {
    throw new ApiError(
      403,
      'OUTSIDE_ALLOW_LIST',
      `target: container "${container}" in ${accountUrl} is not an allowed export target`,
      { field: 'target' },
    );
  }
}
