import type { SqlTable, TopLevelElement } from '../../../bacpac/model/types';
import type { SourceTable } from '../../types';
import { toBcpColumn } from './bcp-column';
import { buildColumn } from './build-columns';
import { buildCheck, buildDefault, buildForeignKey, buildIndex } from './build-constraints';
import type { ColumnRow } from './columns';
import type { CheckConstraintRow, ForeignKeyColumnRow } from './constraints';
import type { Disambiguators } from './disambiguators';
import { attached } from './disambiguators';
import type { IndexColumnRow } from './indexes';
import { columnName, objectName, schemaReference } from './model-names';
import type { RowCountRow } from './schemas-types';

export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface TableRows {
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexColumnRow[];
  readonly foreignKeys: readonly ForeignKeyColumnRow[];
  readonly checks: readonly CheckConstraintRow[];
  readonly rowCounts: readonly RowCountRow[];
  readonly databaseCollation: string;
}

/**
 * Tables with their columns, defaults, keys, indexes, foreign keys and checks, and the tables
 * whose rows are exported. Constraints SQL Server named itself are unnamed elements with a
 * SqlInlineConstraintAnnotation; their owner (the column for a default, else the table) carries
 * the matching AttachedAnnotation (4.6.8). An index named like a column of its table gets a
 * disambiguator (4.3).
 */
export function buildTables(
  rows: TableRows,
  keep: (schema: string, name: string) => boolean,
  exported: (schema: string, name: string) => boolean,
  disambiguators: Disambiguators,
): { elements: TopLevelElement[]; tables: SourceTable[] } {
  const elements: TopLevelElement[] = [];
  const tableElements = new Map<string, SqlTable>();
  const tableAttached = new Map<string, number[]>();
  const attach = (table: string): number => {
    const d = disambiguators.next();
    tableAttached.set(table, [...(tableAttached.get(table) ?? []), d]);
    return d;
  };
  const counts = new Map(rows.rowCounts.map((r) => [objectName(r.schemaName, r.tableName), r]));
  const columnNames = new Set<string>();
  const tables: SourceTable[] = [];
  for (const columns of groupBy(rows.columns, (c) => c.tableId).values()) {
    const first = columns[0] as ColumnRow;
    if (!keep(first.schemaName, first.tableName)) continue;
    const name = objectName(first.schemaName, first.tableName);
    const built = columns.map((c) => {
      columnNames.add(columnName(c.schemaName, c.tableName, c.columnName));
      const inline =
        c.defaultName !== undefined && c.defaultIsSystemNamed ? disambiguators.next() : undefined;
      const d = buildDefault(c, inline);
      if (d) elements.push(d);
      return buildColumn(c, rows.databaseCollation, inline);
    });
    tableElements.set(name, {
      type: 'SqlTable',
      name,
      properties: { IsAnsiNullsOn: true },
      relationships: { Columns: built, Schema: schemaReference(first.schemaName) },
    });
    if (exported(first.schemaName, first.tableName)) {
      const count = counts.get(name);
      tables.push({
        schema: first.schemaName,
        name: first.tableName,
        columns: columns.filter((c) => !c.isComputed).map(toBcpColumn),
        estimatedRows: count?.rowCount ?? '0',
        estimatedBytes: count?.reservedBytes ?? '0',
      });
    }
  }
  for (const index of groupBy(rows.indexes, (r) => `${r.tableId}.${r.indexId}`).values()) {
    const first = index[0] as IndexColumnRow;
    if (!keep(first.schemaName, first.tableName)) continue;
    const table = objectName(first.schemaName, first.tableName);
    const isKey = first.isPrimaryKey || first.isUniqueConstraint;
    const inline = isKey && first.isSystemNamed ? attach(table) : undefined;
    const clash =
      !isKey && columnNames.has(columnName(first.schemaName, first.tableName, first.indexName))
        ? disambiguators.next()
        : undefined;
    const element = buildIndex(index, inline, clash);
    if (element) elements.push(element);
  }
  for (const fk of groupBy(rows.foreignKeys, (r) => r.constraintId).values()) {
    const first = fk[0] as ForeignKeyColumnRow;
    if (!keep(first.tableSchema, first.tableName) || !keep(first.foreignSchema, first.foreignTable)) continue;
    const inline = first.isSystemNamed ? attach(objectName(first.tableSchema, first.tableName)) : undefined;
    const element = buildForeignKey(fk, inline);
    if (element) elements.push(element);
  }
  for (const check of rows.checks) {
    if (!keep(check.tableSchema, check.tableName)) continue;
    const inline = check.isSystemNamed ? attach(objectName(check.tableSchema, check.tableName)) : undefined;
    elements.push(buildCheck(check, inline));
  }
  for (const [name, table] of tableElements) {
    const owned = tableAttached.get(name) ?? [];
    elements.push(owned.length > 0 ? { ...table, annotations: owned.map(attached) } : table);
  }
  return { elements, tables };
}
