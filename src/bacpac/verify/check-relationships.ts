import { partUri, type RelsContent } from '../package';
import type { ZipEntry } from '../zip';
import type { ProblemList } from './problem-list';
import { VerifyCode } from './types';

function key(target: string): string {
  return (target.startsWith('/') ? target.slice(1) : target).toLowerCase();
}

/**
 * Checks _rels/.rels against the package: every relationship points at an entry that exists, every
 * data part has its `table=`/`schema=` pair, and the pair names the table the part's folder holds.
 */
export function checkRelationships(
  rels: RelsContent,
  entries: readonly ZipEntry[],
  dataParts: readonly { readonly partName: string; readonly schema?: string; readonly table?: string }[],
  problems: ProblemList,
): void {
  const present = new Set(entries.map((e) => key(e.name)));
  const named = new Map<string, { schema?: string; table?: string }>();
  for (const rel of rels.relationships) {
    if (!present.has(key(rel.target))) {
      problems.error(
        VerifyCode.DanglingRelationship,
        `_rels/.rels: relationship ${rel.id} (${rel.type}) points at ${rel.target}, which is not in the package`,
        { part: rel.target.replace(/^\//, '') },
      );
    }
    const match = /^(table|schema)=/.exec(rel.type);
    if (match === null) continue;
    const names = named.get(key(rel.target)) ?? {};
    names[match[1] === 'table' ? 'table' : 'schema'] = rel.type.slice(match[0].length);
    named.set(key(rel.target), names);
  }
  for (const part of dataParts) {
    const names = named.get(key(partUri(part.partName)));
    const missing = ['table', 'schema'].filter((kind) => names?.[kind as 'table' | 'schema'] === undefined);
    if (missing.length > 0) {
      problems.error(
        VerifyCode.UnrelatedPart,
        `part ${part.partName}: _rels/.rels has no ${missing.map((k) => `${k}=`).join(' or ')} relationship for it`,
        { part: part.partName },
      );
      continue;
    }
    if (part.schema === undefined || part.table === undefined || names === undefined) continue;
    if (names.schema !== part.schema || names.table !== part.table) {
      problems.error(
        VerifyCode.RelationshipMismatch,
        `part ${part.partName}: its folder holds ${part.schema}.${part.table}, its relationships name ` +
          `${names.schema}.${names.table}`,
        { part: part.partName, table: `${part.schema}.${part.table}` },
      );
    }
  }
}
