import { bacpacBlobNameProblems, containerNameProblems } from '../storage/blob-names';
import type { ExportTargetSpec } from './export-request';
import type { FieldProblems } from './field-problems';
import type { RequestDefaults } from './request-defaults';

/** `target.accountUrl`: a blob service URL without query, fragment or user, or "default". */
function parseAccountUrl(value: unknown, defaults: RequestDefaults, problems: FieldProblems): string {
  if (value === undefined || value === 'default') return defaults.appAccountUrl;
  const text = problems.text(value, 'target.accountUrl');
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problems.add('target.accountUrl: must be an https:// blob service URL or "default"');
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '') {
      problems.add('target.accountUrl: must not carry a query string, fragment or user information');
    }
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    if (text !== '')
      problems.add(`target.accountUrl: must be a blob service URL or "default", found "${text}"`);
    return '';
  }
}

/** The `target` section: storage account, container and .bacpac blob name. */
export function parseExportTarget(
  value: unknown,
  defaults: RequestDefaults,
  problems: FieldProblems,
): ExportTargetSpec {
  const target = problems.object(value, 'target', ['accountUrl', 'container', 'blobName']);
  const accountUrl = parseAccountUrl(target.accountUrl, defaults, problems);
  const container = problems.text(target.container, 'target.container');
  if (container !== '') containerNameProblems(container, 'target.container').forEach((p) => problems.add(p));
  const blobName = problems.text(target.blobName, 'target.blobName');
  if (blobName !== '') bacpacBlobNameProblems(blobName, 'target.blobName').forEach((p) => problems.add(p));
  return { accountUrl, container, blobName };
}
