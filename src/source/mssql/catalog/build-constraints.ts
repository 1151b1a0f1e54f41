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
import { columnName, objectName } from './model-names';

const NOT_TRUSTED: Annotation = { type: 'IsNotTrustedPropertyAnnotation', properties: {} };

/**
 * Constraints that SQL Server named itself are written with that name as named elements: the
 * import then recreates them under the same name (real exports instead leave the name out and
 * attach a SqlInlineConstraintAnnotation).
 */
export function buildDefault(c: ColumnRow): SqlDefaultConstraint | undefined {
  if (c.defaultName === undefined || c.defaultDefinition === undefined) return undefined;
  return {
    type: 'SqlDefaultConstraint',
    name: objectName(c.schemaName, c.defaultName),
    properties: { DefaultExpressionScript: { text: c.defaultDefinition } },
    relationships: {
      DefiningTable: { name: objectName(c.schemaName, c.tableName) },
      ForColumn: { name: columnName(c.schemaName, c.tableName, c.columnName) },
    },
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

/** One index or key constraint from its index-column rows (all of the same index). */
export function buildIndex(rows: readonly IndexColumnRow[]): TopLevelElement | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  const table: Reference = { name: objectName(first.schemaName, first.tableName) };
  const clustered = first.indexType === 1 || first.indexType === 5;
  if (first.isPrimaryKey || first.isUniqueConstraint) {
    const element: SqlPrimaryKeyConstraint | SqlUniqueConstraint = {
      type: first.isPrimaryKey ? 'SqlPrimaryKeyConstraint' : 'SqlUniqueConstraint',
      name: objectName(first.schemaName, first.indexName),
      properties: { IsClustered: clustered },
      relationships: { ColumnSpecifications: specs(rows), DefiningTable: table },
    };
    return element;
  }
  const name = columnName(first.schemaName, first.tableName, first.indexName);
  if (first.indexType === 3) {
    const xml: SqlXmlIndex = {
      type: 'SqlXmlIndex',
      name,
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
      name,
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
    name,
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
export function buildForeignKey(rows: readonly ForeignKeyColumnRow[]): SqlForeignKeyConstraint | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  return {
    type: 'SqlForeignKeyConstraint',
    name: objectName(first.schemaName, first.constraintName),
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
    ...(first.isNotTrusted ? { annotations: [NOT_TRUSTED] } : {}),
  };
}

export function buildCheck(row: CheckConstraintRow): SqlCheckConstraint {
  return {
    type: 'SqlCheckConstraint',
    name: objectName(row.schemaName, row.constraintName),
    properties: {
      CheckExpressionScript: { text: row.definition },
      ...(row.isNotForReplication ? { IsNotForReplication: true } : {}),
    },
    relationships: { DefiningTable: { name: objectName(row.tableSchema, row.tableName) } },
    ...(row.isNotTrusted ? { annotations: [NOT_TRUSTED] } : {}),
  };
}
