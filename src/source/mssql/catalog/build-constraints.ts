import type {
  Annotation,
  Reference,
  SqlCheckConstraint,
  SqlColumnStoreIndex,
  SqlDefaultConstraint,
  SqlForeignKeyConstraint,
  SqlIndex,
  SqlIndexedColumnSpecification,
  SqlPrimaryKeyConstraint,
  SqlUniqueConstraint,
  SqlXmlIndex,
  TopLevelElement,
} from '../../../bacpac/model/types';
import type { ColumnRow } from './columns';
import type { CheckConstraintRow, ForeignKeyColumnRow } from './constraints';
import type { IndexColumnRow } from './indexes';
import { inlineConstraint } from './disambiguators';
import { columnName, objectName } from './model-names';

const NOT_TRUSTED: Annotation = { type: 'IsNotTrustedPropertyAnnotation', properties: {} };

/**
 * The name of a constraint, or (when `inline`, the disambiguator of a constraint SQL Server named
 * itself, is given) no name and a SqlInlineConstraintAnnotation with the real name, as DacFx
 * writes them (4.6.8); the owner then carries the matching AttachedAnnotation.
 */
function naming(
  schema: string,
  name: string,
  inline: number | undefined,
  annotations: readonly Annotation[] = [],
): { name?: string; annotations?: Annotation[] } {
  const all =
    inline !== undefined ? [...annotations, inlineConstraint(objectName(schema, name), inline)] : annotations;
  return {
    ...(inline === undefined ? { name: objectName(schema, name) } : {}),
    ...(all.length > 0 ? { annotations: [...all] } : {}),
  };
}

export function buildDefault(c: ColumnRow, inline?: number): SqlDefaultConstraint | undefined {
  if (c.defaultName === undefined || c.defaultDefinition === undefined) return undefined;
  return {
    type: 'SqlDefaultConstraint',
    properties: { DefaultExpressionScript: { text: c.defaultDefinition } },
    relationships: {
      DefiningTable: { name: objectName(c.schemaName, c.tableName) },
      ForColumn: { name: columnName(c.schemaName, c.tableName, c.columnName) },
    },
    ...naming(c.schemaName, c.defaultName, inline),
  };
}

function specs(rows: readonly IndexColumnRow[]): SqlIndexedColumnSpecification[] {
  return rows
    .filter((r) => !r.isIncluded)
    .map((r) => ({
      type: 'SqlIndexedColumnSpecification',
      properties: r.isDescending ? { IsAscending: false } : {},
      relationships: { Column: { name: columnName(r.schemaName, r.tableName, r.columnName) } },
    }));
}

/**
 * One index or key constraint from its index-column rows (all of the same index). `inline` is the
 * disambiguator of a key constraint SQL Server named; `disambiguator` that of an index whose name
 * is also the name of a column of its table.
 */
export function buildIndex(
  rows: readonly IndexColumnRow[],
  inline?: number,
  disambiguator?: number,
): TopLevelElement | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const table: Reference = { name: objectName(first.schemaName, first.tableName) };
  const clustered = first.indexType === 1 || first.indexType === 5;
  if (first.isPrimaryKey || first.isUniqueConstraint) {
    const element: SqlPrimaryKeyConstraint | SqlUniqueConstraint = {
      type: first.isPrimaryKey ? 'SqlPrimaryKeyConstraint' : 'SqlUniqueConstraint',
      properties: { IsClustered: clustered },
      relationships: { ColumnSpecifications: specs(rows), DefiningTable: table },
      ...naming(first.schemaName, first.indexName, inline),
    };
    return element;
  }
  const name = columnName(first.schemaName, first.tableName, first.indexName);
  const named = { name, ...(disambiguator !== undefined ? { disambiguator } : {}) };
  if (first.indexType === 3) {
    const xml: SqlXmlIndex = {
      type: 'SqlXmlIndex',
      ...named,
      properties: first.primaryXmlIndexName === undefined ? { IsPrimary: true } : {},
      relationships: {
        Column: { name: columnName(first.schemaName, first.tableName, first.columnName) },
        IndexedObject: table,
        ...(first.primaryXmlIndexName !== undefined
          ? {
              PrimaryXmlIndex: {
                name: columnName(first.schemaName, first.tableName, first.primaryXmlIndexName),
              },
            }
          : {}),
      },
    };
    return xml;
  }
  if (first.indexType === 5 || first.indexType === 6) {
    const columnStore: SqlColumnStoreIndex = {
      type: 'SqlColumnStoreIndex',
      ...named,
      properties: clustered ? { IsClustered: true } : {},
      relationships: { ColumnSpecifications: first.indexType === 6 ? specs(rows) : [], IndexedObject: table },
    };
    return columnStore;
  }
  const included = rows
    .filter((r) => r.isIncluded)
    .map((r) => ({ name: columnName(r.schemaName, r.tableName, r.columnName) }));
  const index: SqlIndex = {
    type: 'SqlIndex',
    ...named,
    properties: {
      ...(first.isUnique ? { IsUnique: true } : {}),
      ...(clustered ? { IsClustered: true } : {}),
      ...(first.ignoreDupKey ? { IgnoreDuplicateKey: true } : {}),
      ...(first.fillFactor !== 0 ? { FillFactor: first.fillFactor } : {}),
      ...(first.filterDefinition !== undefined ? { FilterPredicate: { text: first.filterDefinition } } : {}),
    },
    relationships: {
      ColumnSpecifications: specs(rows),
      ...(included.length > 0 ? { IncludedColumns: included } : {}),
      IndexedObject: table,
    },
  };
  return index;
}

/** One foreign key from its column rows (all of the same constraint, in column order). */
export function buildForeignKey(
  rows: readonly ForeignKeyColumnRow[],
  inline?: number,
): SqlForeignKeyConstraint | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  return {
    type: 'SqlForeignKeyConstraint',
    properties: {
      ...(first.onDelete !== 0 ? { OnDeleteAction: first.onDelete } : {}),
      ...(first.onUpdate !== 0 ? { OnUpdateAction: first.onUpdate } : {}),
      ...(first.isNotForReplication ? { IsNotForReplication: true } : {}),
    },
    relationships: {
      Columns: rows.map((r) => ({ name: columnName(r.tableSchema, r.tableName, r.columnName) })),
      DefiningTable: { name: objectName(first.tableSchema, first.tableName) },
      ForeignColumns: rows.map((r) => ({
        name: columnName(r.foreignSchema, r.foreignTable, r.foreignColumnName),
      })),
      ForeignTable: { name: objectName(first.foreignSchema, first.foreignTable) },
    },
    ...naming(first.schemaName, first.constraintName, inline, first.isNotTrusted ? [NOT_TRUSTED] : []),
  };
}

export function buildCheck(row: CheckConstraintRow, inline?: number): SqlCheckConstraint {
  return {
    type: 'SqlCheckConstraint',
    properties: {
      CheckExpressionScript: { text: row.definition },
      ...(row.isNotForReplication ? { IsNotForReplication: true } : {}),
    },
    relationships: { DefiningTable: { name: objectName(row.tableSchema, row.tableName) } },
    ...naming(row.schemaName, row.constraintName, inline, row.isNotTrusted ? [NOT_TRUSTED] : []),
  };
}
