import type {
  SqlSequence,
  SqlSynonym,
  SqlTableType,
  SqlTableTypeSimpleColumn,
  SqlTableTypeComputedColumn,
  SqlTypeSpecifier,
  SqlXmlSchemaCollection,
  TableTypeConstraint,
} from '../../../bacpac/model/types';
import { unicodeLiteral } from '../quote';
import { buildColumn, typeSpecifierOf } from './build-columns';
import type { ColumnRow } from './columns';
import { columnName, objectName, schemaReference } from './model-names';
import type { SequenceRow, SynonymRow, XmlSchemaCollectionRow } from './sequences-synonyms';
import type { TableTypeCheckRow, TableTypeKeyRow } from './table-types';

/**
 * A sequence with every value written out (sys.sequences holds the effective minimum and maximum
 * even when CREATE SEQUENCE left them out, which declares the same sequence).
 */
export function buildSequence(s: SequenceRow): SqlSequence {
  return {
    type: 'SqlSequence',
    name: objectName(s.schemaName, s.sequenceName),
    properties: {
      ...(s.isCycling ? { IsCycling: true } : {}),
      IsCached: s.isCached,
      ...(s.isCached && s.cacheSize !== undefined ? { CacheSize: s.cacheSize } : {}),
      StartValue: { text: s.startValue },
      IncrementValue: { text: s.incrementValue },
      MinValue: { text: s.minValue },
      MaxValue: { text: s.maxValue },
    },
    relationships: {
      Schema: schemaReference(s.schemaName),
      Type: typeSpecifierOf({ ...s, isXmlDocument: false }) as SqlTypeSpecifier,
    },
  };
}

/** A synonym for an object of this database (others are reported by the pre-flight). */
export function buildSynonym(s: SynonymRow): SqlSynonym {
  const target = objectName(s.baseSchema ?? s.schemaName, s.baseName);
  return {
    type: 'SqlSynonym',
    name: objectName(s.schemaName, s.synonymName),
    properties: {},
    relationships: { ForObject: { name: target }, Schema: schemaReference(s.schemaName) },
  };
}

/** An XML schema collection; SchemaExpression is the schemas as an N'...' literal (4.6.11). */
export function buildXmlSchemaCollection(x: XmlSchemaCollectionRow): SqlXmlSchemaCollection {
  return {
    type: 'SqlXmlSchemaCollection',
    name: objectName(x.schemaName, x.collectionName),
    properties: { SchemaExpression: { text: unicodeLiteral(x.schemaText) } },
    relationships: { Schema: schemaReference(x.schemaName) },
  };
}

/**
 * A table type from its columns (all of one type, in column order), keys and checks. Table type
 * constraints are always unnamed; a column default becomes a SqlTableTypeDefaultConstraint.
 */
export function buildTableType(
  columns: readonly ColumnRow[],
  keys: readonly TableTypeKeyRow[],
  checks: readonly TableTypeCheckRow[],
  databaseCollation?: string,
): SqlTableType | undefined {
  const first = columns[0];
  if (first === undefined) return undefined;
  const { schemaName: schema, tableName: type } = first;
  const typeColumns = columns.map((c): SqlTableTypeSimpleColumn | SqlTableTypeComputedColumn => {
    const column = buildColumn(c, databaseCollation);
    if (column.type === 'SqlComputedColumn') {
      const { Collation: _collation, ...properties } = column.properties;
      return { type: 'SqlTableTypeComputedColumn', name: column.name, properties, relationships: {} };
    }
    return { ...column, type: 'SqlTableTypeSimpleColumn', annotations: undefined };
  });
  const constraints: TableTypeConstraint[] = [];
  const byConstraint = new Map<number, TableTypeKeyRow[]>();
  for (const k of keys) byConstraint.set(k.constraintId, [...(byConstraint.get(k.constraintId) ?? []), k]);
  for (const key of byConstraint.values()) {
    const k = key[0] as TableTypeKeyRow;
    const clustered = k.indexType === 1;
    constraints.push({
      type: k.constraintType === 'PK' ? 'SqlTableTypePrimaryKeyConstraint' : 'SqlTableTypeUniqueConstraint',
      properties: { IsClustered: clustered },
      relationships: {
        ColumnSpecifications: key.map((r) => ({
          type: 'SqlIndexedColumnSpecification',
          properties: r.isDescending ? { IsAscending: false } : {},
          relationships: { Column: { name: columnName(schema, type, r.columnName) } },
        })),
      },
    });
  }
  for (const c of checks) {
    constraints.push({
      type: 'SqlTableTypeCheckConstraint',
      properties: { CheckExpressionScript: { text: c.definition } },
      relationships: {},
    });
  }
  for (const c of columns) {
    if (c.defaultDefinition === undefined) continue;
    constraints.push({
      type: 'SqlTableTypeDefaultConstraint',
      properties: { DefaultExpressionScript: { text: c.defaultDefinition } },
      relationships: { ForColumn: { name: columnName(schema, type, c.columnName) } },
    });
  }
  return {
    type: 'SqlTableType',
    name: objectName(schema, type),
    properties: {},
    relationships: {
      Columns: typeColumns,
      ...(constraints.length > 0 ? { Constraints: constraints } : {}),
      Schema: schemaReference(schema),
    },
  };
}
