import { tablesOf, type DatabaseModel } from '../model';
import type { OriginInfo, RelsContent } from '../package';
import { METADATA_PART_NAMES, openBacpac, resolveDataParts, type BacpacPackage } from '../reader';
import type { RandomAccessSource } from '../zip';
import { checkContentTypes } from './check-content-types';
import { ColumnCache, checkDataPart } from './check-data';
import { checkModel } from './check-model';
import { checkRelationships } from './check-relationships';
import { isZipError, messageOf, ProblemList } from './problem-list';
import { describeCutShort } from './truncated-zip';
import {
  VerifyCode,
  type VerifyOptions,
  type VerifyPart,
  type VerifyReport,
  type VerifyTable,
} from './types';

const REQUIRED = ['contentTypes', 'origin', 'dacMetadata', 'model'] as const;

/** Reads one metadata part, turning a failure into a problem naming the part. */
async function readMetadata<T>(
  part: string | undefined,
  read: () => Promise<T>,
  problems: ProblemList,
): Promise<T | undefined> {
  if (part === undefined) return undefined;
  try {
    return await read();
  } catch (error) {
    const code = isZipError(error) ? VerifyCode.Zip : VerifyCode.BadPart;
    problems.error(code, `part ${part}: ${messageOf(error)}`, { part });
    return undefined;
  }
}

function entryOf(error: unknown): string | undefined {
  if (error instanceof Error && 'details' in error) {
    const entry = (error.details as Record<string, unknown> | undefined)?.entry;
    if (typeof entry === 'string') return entry;
  }
  return undefined;
}

/**
 * Checks a BACPAC from its ZIP structure to the last byte of every data part, and reports every
 * problem it can find rather than stopping at the first (format spec sections 1-5, importer findings).
 * Data parts are streamed one at a time; no part is held in memory. The source is not closed.
 */
export async function verifyBacpac(
  source: RandomAccessSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const problems = new ProblemList();
  let pkg: BacpacPackage;
  try {
    pkg = await openBacpac({ size: source.size, read: (offset, length) => source.read(offset, length) });
  } catch (error) {
    const cut = await describeCutShort(source).catch(() => undefined);
    const part = entryOf(error) ?? (cut === undefined ? undefined : /entry "([^"]*)"/.exec(cut)?.[1]);
    problems.error(
      VerifyCode.Zip,
      `the ZIP structure cannot be read: ${messageOf(error)}${cut === undefined ? '' : `; ${cut}`}`,
      { ...(part === undefined ? {} : { part }) },
    );
    return { ok: false, problems: problems.items, tables: [], rowsTotal: 0, entryCount: 0, dataPartCount: 0 };
  }
  const progress = options.onProgress ?? (() => undefined);
  const { parts } = pkg;
  progress({ phase: 'metadata', partsDone: 0, partsTotal: parts.data.length, rows: 0 });

  for (const dup of parts.duplicates) {
    problems.error(VerifyCode.DuplicateEntry, `part ${dup.name}: a second entry with this part name`, {
      part: dup.name,
    });
  }
  for (const role of REQUIRED) {
    if (parts[role] === undefined) {
      const part = METADATA_PART_NAMES[role];
      problems.error(VerifyCode.MissingPart, `part ${part}: required in every BACPAC, not in the package`, {
        part,
      });
    }
  }
  if (parts.rels === undefined && parts.data.length > 0) {
    const part = METADATA_PART_NAMES.rels;
    problems.error(
      VerifyCode.MissingPart,
      `part ${part}: the package has ${parts.data.length} data parts but no relationships part`,
      { part },
    );
  }
  for (const other of parts.other) {
    problems.warning(VerifyCode.UnknownPart, `part ${other.name}: not a BACPAC part`, { part: other.name });
  }

  const origin = await readMetadata(parts.origin?.name, () => pkg.origin(), problems);
  await readMetadata(parts.dacMetadata?.name, () => pkg.dacMetadata(), problems);
  const types = await readMetadata(parts.contentTypes?.name, () => pkg.contentTypes(), problems);
  if (types !== undefined && parts.contentTypes !== undefined) {
    checkContentTypes(types, pkg.entries, parts.contentTypes.name, problems);
  }
  const rels = await readMetadata(parts.rels?.name, () => pkg.rels(), problems);

  progress({ phase: 'model', partsDone: 0, partsTotal: parts.data.length, rows: 0 });
  const { model, computed } = await checkModel(pkg, problems);
  const checksum = compareChecksum(origin, computed, model, problems);

  const report = await checkData(pkg, model, rels, problems, options);
  progress({
    phase: 'done',
    partsDone: parts.data.length,
    partsTotal: parts.data.length,
    rows: report.rowsTotal,
  });
  const stats = origin?.exportStatistics;
  if (stats !== undefined && report.complete && stats.tableRowCountTotal !== BigInt(report.rowsTotal)) {
    problems.warning(
      VerifyCode.RowTotalMismatch,
      `Origin.xml: TableRowCountTotalTag is ${stats.tableRowCountTotal}, the data parts hold ${report.rowsTotal} ` +
        'rows (informational: real exports can disagree too)',
      { part: parts.origin?.name ?? 'Origin.xml' },
    );
  }
  return {
    ok: !problems.hasErrors,
    problems: problems.items,
    tables: report.tables,
    rowsTotal: report.rowsTotal,
    ...(stats === undefined ? {} : { originRowTotal: String(stats.tableRowCountTotal) }),
    ...checksum,
    entryCount: pkg.entries.length,
    dataPartCount: parts.data.length,
  };
}

function compareChecksum(
  origin: OriginInfo | undefined,
  computed: string | undefined,
  model: DatabaseModel | undefined,
  problems: ProblemList,
): Pick<VerifyReport, 'modelChecksumOk' | 'modelChecksum'> {
  const stored = origin?.modelChecksum;
  if (origin !== undefined && model !== undefined) {
    if (origin.modelSchemaVersion !== model.header.schemaVersion) {
      problems.warning(
        VerifyCode.SchemaVersionMismatch,
        `Origin.xml: ModelSchemaVersion is ${origin.modelSchemaVersion}, model.xml SchemaVersion is ${model.header.schemaVersion}`,
        { part: 'Origin.xml' },
      );
    }
  }
  const modelChecksum = {
    ...(stored === undefined ? {} : { stored }),
    ...(computed === undefined ? {} : { computed }),
  };
  if (stored === undefined || computed === undefined) return { modelChecksum };
  const ok = stored.toUpperCase() === computed;
  if (!ok) {
    problems.error(
      VerifyCode.ChecksumMismatch,
      `part model.xml: its SHA-256 is ${computed}, Origin.xml records ${stored}`,
      { part: 'model.xml' },
    );
  }
  return { modelChecksumOk: ok, modelChecksum };
}

interface DataCheck {
  readonly tables: VerifyTable[];
  readonly rowsTotal: number;
  /** Whether every data part was decoded to its end. */
  readonly complete: boolean;
}

async function checkData(
  pkg: BacpacPackage,
  model: DatabaseModel | undefined,
  rels: RelsContent | undefined,
  problems: ProblemList,
  options: VerifyOptions,
): Promise<DataCheck> {
  const entries = pkg.parts.data;
  if (model === undefined) {
    if (rels !== undefined) {
      checkRelationships(
        rels,
        pkg.entries,
        entries.map((e) => ({ partName: e.name })),
        problems,
      );
    }
    if (entries.length > 0) {
      problems.warning(
        VerifyCode.DataNotChecked,
        `${entries.length} data parts were not decoded: their columns come from model.xml, which cannot be read`,
      );
    }
    return { tables: [], rowsTotal: 0, complete: false };
  }
  const tables = tablesOf(model);
  const resolved = resolveDataParts(entries, tables, rels);
  for (const part of resolved.unresolved) {
    problems.error(
      VerifyCode.UnknownTable,
      `part ${part.partName}: ${part.reason}; the importer would skip its rows`,
      { part: part.partName },
    );
  }
  if (rels !== undefined) {
    checkRelationships(rels, pkg.entries, [...resolved.parts, ...resolved.unresolved], problems);
  }
  const columns = new ColumnCache(model, problems);
  const byTable = new Map<string, VerifyPart[]>();
  let rowsTotal = 0;
  let complete = resolved.unresolved.length === 0;
  let done = 0;
  for (const part of resolved.parts) {
    options.onProgress?.({
      phase: 'data',
      part: part.partName,
      partsDone: done,
      partsTotal: entries.length,
      rows: rowsTotal,
    });
    const result = await checkDataPart(pkg, part, columns, problems);
    done += 1;
    rowsTotal += result.rows;
    complete &&= result.ok;
    const key = `${part.schema}.${part.table}`;
    byTable.set(key, [...(byTable.get(key) ?? []), result]);
  }
  return {
    tables: tables.map((t) => {
      const parts = (byTable.get(`${t.schema}.${t.name}`) ?? []).sort(
        (a, b) => a.segment - b.segment || a.subSegment - b.subSegment,
      );
      return { schema: t.schema, name: t.name, parts, rows: parts.reduce((n, p) => n + p.rows, 0) };
    }),
    rowsTotal,
    complete,
  };
}
