import { parseDataPartName } from '../package';
import type { ZipEntry } from '../zip';

/**
 * The entries of a BACPAC sorted by the role of the part they hold (format spec 1.1). Part names are
 * matched without regard to case, as OPC compares them, and a leading '/' is tolerated. When a name
 * occurs twice the first entry holds the part (the later ones are listed in `duplicates`).
 */
export interface BacpacParts {
  readonly model?: ZipEntry;
  readonly origin?: ZipEntry;
  readonly dacMetadata?: ZipEntry;
  readonly contentTypes?: ZipEntry;
  readonly rels?: ZipEntry;
  /** Entries named like data parts, `Data/<schema>.<table>/TableData-NNN-MMMMM.BCP`, in ZIP order. */
  readonly data: readonly ZipEntry[];
  /** Entries with any other name (directories included). */
  readonly other: readonly ZipEntry[];
  /** Entries whose name, compared without case, repeats an earlier entry's. */
  readonly duplicates: readonly ZipEntry[];
}

export type MetadataRole = 'model' | 'origin' | 'dacMetadata' | 'contentTypes' | 'rels';

/** The part name of each metadata role, as real packages spell it. */
export const METADATA_PART_NAMES: Readonly<Record<MetadataRole, string>> = {
  model: 'model.xml',
  origin: 'Origin.xml',
  dacMetadata: 'DacMetadata.xml',
  contentTypes: '[Content_Types].xml',
  rels: '_rels/.rels',
};

const ROLE_BY_NAME = new Map<string, MetadataRole>(
  (Object.entries(METADATA_PART_NAMES) as [MetadataRole, string][]).map(([role, name]) => [
    name.toLowerCase(),
    role,
  ]),
);

function normalise(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}

export function classifyEntries(entries: readonly ZipEntry[]): BacpacParts {
  const roles: { -readonly [K in MetadataRole]?: ZipEntry } = {};
  const data: ZipEntry[] = [];
  const other: ZipEntry[] = [];
  const duplicates: ZipEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = normalise(entry.name);
    if (seen.has(key)) {
      duplicates.push(entry);
      continue;
    }
    seen.add(key);
    const role = ROLE_BY_NAME.get(key);
    if (role !== undefined) roles[role] = entry;
    else if (parseDataPartName(entry.name) !== undefined) data.push(entry);
    else other.push(entry);
  }
  return { ...roles, data, other, duplicates };
}
