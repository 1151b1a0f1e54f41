import { BacpacError } from '../errors';
import type { TableRef } from '../model';
import { parseDataPartName, partUri, resolveDataFolder, type RelsContent } from '../package';
import type { ZipEntry } from '../zip';

/** A data part and the model table it holds rows of. */
export interface DataPart {
  readonly entry: ZipEntry;
  /** The part name as stored in the ZIP (escaped), e.g. `Data/dbo.Order%20Details/TableData-000-00000.BCP`. */
  readonly partName: string;
  readonly schema: string;
  readonly table: string;
  /** NNN of `TableData-NNN-MMMMM.BCP`: the key-range segment. */
  readonly segment: number;
  /** MMMMM: 0 in every real file. */
  readonly subSegment: number;
}

/** A data part whose folder names no table of the model. */
export interface UnresolvedDataPart {
  readonly entry: ZipEntry;
  readonly partName: string;
  /** The folder name unescaped: `schema.table`. */
  readonly folder: string;
  readonly segment: number;
  readonly subSegment: number;
  readonly reason: string;
}

export interface ResolvedDataParts {
  /** In ZIP order. */
  readonly parts: readonly DataPart[];
  readonly unresolved: readonly UnresolvedDataPart[];
}

/** Picks the table the relationships name for a part, among the tables its folder could mean. */
function byRelationships(
  entry: ZipEntry,
  candidates: readonly TableRef[],
  rels: RelsContent | undefined,
): TableRef | undefined {
  const named = rels?.tablesByTarget.get(partUri(entry.name));
  if (named?.schema === undefined || named.table === undefined) return undefined;
  return candidates.find((t) => t.schema === named.schema && t.name === named.table);
}

/**
 * Finds the model table of each data part by its folder name (`schema.table`, unescaped). The folder
 * cannot be split on '.', since names may hold dots, so it is matched against the model's tables; when
 * two tables give the same folder name, the part's `table=`/`schema=` relationships decide. The
 * importer finds data by part name only, so a part whose folder matches no table is unresolved.
 */
export function resolveDataParts(
  entries: readonly ZipEntry[],
  tables: readonly TableRef[],
  rels?: RelsContent,
): ResolvedDataParts {
  const parts: DataPart[] = [];
  const unresolved: UnresolvedDataPart[] = [];
  for (const entry of entries) {
    const parsed = parseDataPartName(entry.name);
    if (parsed === undefined) continue;
    const { folder, segment, subSegment } = parsed;
    let table: TableRef | undefined;
    let reason = `its folder ${JSON.stringify(folder)} names no table of the model`;
    try {
      table = resolveDataFolder(folder, tables);
    } catch (error) {
      if (!(error instanceof BacpacError)) throw error;
      const candidates = tables.filter((t) => `${t.schema}.${t.name}` === folder);
      table = byRelationships(entry, candidates, rels);
      reason = `${error.message}, and its relationships do not name one of them`;
    }
    if (table === undefined) {
      unresolved.push({ entry, partName: entry.name, folder, segment, subSegment, reason });
    } else {
      parts.push({
        entry,
        partName: entry.name,
        schema: table.schema,
        table: table.name,
        segment,
        subSegment,
      });
    }
  }
  return { parts, unresolved };
}
