import { tablesOf, type DatabaseModel } from '../model';
import type { RelsContent } from '../package';
import { resolveDataParts, type BacpacPackage } from '../reader';
import { ColumnCache, checkDataPart } from './check-data';
import { checkRelationships } from './check-relationships';
import type { ProblemList } from './problem-list';
import { VerifyCode, type VerifyOptions, type VerifyPart, type VerifyTable } from './types';

export interface DataCheck {
  readonly tables: VerifyTable[];
  readonly rowsTotal: number;
  /** Whether every data part was decoded to its end. */
  readonly complete: boolean;
}

/**
 * Matches the data parts to the model's tables (through the relationships part), checks the
 * relationships, then decodes every data part in turn, one at a time, and totals rows per table.
 * Without a model the data parts cannot be decoded: only the relationships are checked.
 */
export async function verifyData(
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
