import type { BcpColumn } from '../bcp';
import { bcpColumnsOf, type DatabaseModel } from '../model';
import { ReaderErrorCode, scanBcpPart, type BacpacPackage, type DataPart } from '../reader';
import { codeOf, isZipError, messageOf, type ProblemList } from './problem-list';
import { VerifyCode, type VerifyPart } from './types';

const CODE_BY_READER_CODE: Readonly<Record<string, VerifyCode>> = {
  [ReaderErrorCode.BcpTruncated]: VerifyCode.BcpTruncated,
  [ReaderErrorCode.BcpTrailingBytes]: VerifyCode.BcpTrailingBytes,
  [ReaderErrorCode.BcpInvalid]: VerifyCode.BcpInvalid,
};

/** Caches each table's BCP columns; a table whose columns cannot be derived is reported once. */
export class ColumnCache {
  private readonly cache = new Map<string, readonly BcpColumn[] | undefined>();

  constructor(
    private readonly model: DatabaseModel,
    private readonly problems: ProblemList,
  ) {}

  columnsOf(part: DataPart): readonly BcpColumn[] | undefined {
    const table = `${part.schema}.${part.table}`;
    if (this.cache.has(table)) return this.cache.get(table);
    let columns: readonly BcpColumn[] | undefined;
    try {
      columns = bcpColumnsOf(this.model, { schema: part.schema, name: part.table });
    } catch (error) {
      this.problems.error(
        VerifyCode.Model,
        `table ${table}: its BCP columns cannot be derived from model.xml: ${messageOf(error)}`,
        { table },
      );
    }
    this.cache.set(table, columns);
    return columns;
  }
}

/**
 * Decodes one data part to its last byte against its table's columns, streamed, and counts its rows.
 * A failure becomes a problem naming the part and table; the part is then reported with ok false.
 */
export async function checkDataPart(
  pkg: BacpacPackage,
  part: DataPart,
  columns: ColumnCache,
  problems: ProblemList,
): Promise<VerifyPart> {
  const table = `${part.schema}.${part.table}`;
  const base = {
    name: part.partName,
    segment: part.segment,
    subSegment: part.subSegment,
    bytes: part.entry.uncompressedSize,
  };
  const cols = columns.columnsOf(part);
  if (cols === undefined) return { ...base, rows: 0, ok: false };
  try {
    const { rows } = await scanBcpPart(pkg.openDataPart(part), {
      part: part.partName,
      table,
      columns: cols,
      size: part.entry.uncompressedSize,
    });
    return { ...base, rows, ok: true };
  } catch (error) {
    const where = { part: part.partName, table };
    const rows = rowsBefore(error);
    if (isZipError(error)) {
      problems.error(VerifyCode.Zip, `part ${part.partName}: ${messageOf(error)}`, where);
    } else {
      const mapped = CODE_BY_READER_CODE[codeOf(error) ?? ''];
      const code = mapped ?? VerifyCode.BcpInvalid;
      // The problem carries its own code; the reader's code prefix would only repeat it.
      const text = mapped === undefined ? messageOf(error) : messageOf(error).replace(/^\[[A-Z0-9_]+\] /, '');
      problems.error(code, text.includes(part.partName) ? text : `part ${part.partName}: ${text}`, where);
    }
    return { ...base, rows, ok: false };
  }
}

function rowsBefore(error: unknown): number {
  if (error instanceof Error && 'details' in error) {
    const details = error.details as Record<string, unknown> | undefined;
    if (typeof details?.rows === 'number') return details.rows;
  }
  return 0;
}
