import type { ContentTypeEntry } from '../package';
import type { ZipEntry } from '../zip';
import type { ProblemList } from './problem-list';
import { VerifyCode } from './types';

/** The extension of a part name's last segment (`_rels/.rels` -> `rels`), or '' when it has none. */
function extensionOf(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot < 0 ? '' : last.slice(dot + 1);
}

/**
 * Checks that [Content_Types].xml gives every part a content type, by a `Default` for its extension or
 * an `Override` for its name (both compared without case, as OPC does). One problem per extension.
 */
export function checkContentTypes(
  types: readonly ContentTypeEntry[],
  entries: readonly ZipEntry[],
  contentTypesPart: string,
  problems: ProblemList,
): void {
  const defaults = new Set(types.filter((t) => t.kind === 'Default').map((t) => t.key.toLowerCase()));
  const overrides = new Set(
    types.filter((t) => t.kind === 'Override').map((t) => t.key.replace(/^\//, '').toLowerCase()),
  );
  const uncovered = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.name === contentTypesPart || entry.name.endsWith('/')) continue;
    const extension = extensionOf(entry.name).toLowerCase();
    if (defaults.has(extension) || overrides.has(entry.name.toLowerCase())) continue;
    uncovered.set(extension, [...(uncovered.get(extension) ?? []), entry.name]);
  }
  for (const [extension, names] of uncovered) {
    const first = names[0] ?? '';
    problems.error(
      VerifyCode.ContentTypeMissing,
      `part ${first}${names.length > 1 ? ` (and ${names.length - 1} more)` : ''}: [Content_Types].xml has no ` +
        `content type for the extension ${JSON.stringify(extension)}`,
      { part: first },
    );
  }
}
