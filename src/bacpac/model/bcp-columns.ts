import type { BcpColumn, BcpSqlType } from '../bcp/types';
import type { SqlSimpleColumn } from './kinds/columns';
import type { SqlTable } from './kinds/table';
import type { SqlUserDefinedDataType } from './kinds/user-defined-types';
import { modelError } from './model-error';
import { rawAttribute } from './raw-xml-writer';
import { kindsByType } from './registry';
import { formatName, parseName } from './names';
import type { DatabaseModel } from './types';

export interface TableRef {
  readonly schema: string;
  readonly name: string;
  /** `[schema].[name]`, as model.xml names the table. */
  readonly qualifiedName: string;
}

/** The tables of the model (schema and name), in the order of `model.elements`. */
export function tablesOf(model: DatabaseModel): TableRef[] {
  const tables: TableRef[] = [];
  for (const el of model.elements) {
    if (el.type !== 'SqlTable') continue;
    const [schema, name] = parseName(el.name);
    if (schema === undefined || name === undefined) continue;
    tables.push({ schema, name, qualifiedName: el.name });
  }
  return tables;
}

const BUILT_IN_TYPES: ReadonlySet<string> = new Set<BcpSqlType>([
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'bit',
  'decimal',
  'numeric',
  'money',
  'smallmoney',
  'real',
  'float',
  'date',
  'time',
  'datetime',
  'smalldatetime',
  'datetime2',
  'datetimeoffset',
  'uniqueidentifier',
  'char',
  'varchar',
  'text',
  'nchar',
  'nvarchar',
  'ntext',
  'sysname',
  'binary',
  'varbinary',
  'image',
  'xml',
  'rowversion',
  'sql_variant',
  'geography',
  'geometry',
  'hierarchyid',
]);

interface Facets {
  readonly Length?: number;
  readonly IsMax?: boolean;
  readonly Precision?: number;
  readonly Scale?: number;
}

/**
 * The columns of a table as the BCP codec needs them: computed columns left out (they are not in
 * the data), alias types resolved to their base type with the alias type's facets, NOT NULL when
 * the column or its alias type says IsNullable=False, `timestamp` as rowversion, `float` with
 * precision 24 or less as real.
 */
export function bcpColumnsOf(
  model: DatabaseModel,
  table: string | { readonly schema: string; readonly name: string },
): BcpColumn[] {
  const qualified = typeof table === 'string' ? table : formatName([table.schema, table.name]);
  const el = model.elements.find((e): e is SqlTable => e.type === 'SqlTable' && e.name === qualified);
  if (el === undefined)
    throw modelError('MODEL_TABLE_NOT_FOUND', `${qualified}: no SqlTable of that name in the model`);
  const aliases = new Map<string, SqlUserDefinedDataType>();
  for (const e of model.elements) if (e.type === 'SqlUserDefinedDataType') aliases.set(e.name, e);
  const keptColumns = el.unmodelled?.relationships?.find((r) => rawAttribute(r, 'Name') === 'Columns');
  if (keptColumns !== undefined) {
    const kinds = keptColumns.children
      .flatMap((entry) => entry.children)
      .map((c) => rawAttribute(c, 'Type') ?? c.tag)
      .filter((t) => !kindsByType.has(t));
    throw modelError(
      'MODEL_UNSUPPORTED_COLUMN_TYPE',
      `${qualified}: has columns of a kind this tool does not model (${[...new Set(kinds)].join(', ')}); its data cannot be decoded`,
    );
  }
  const columns: BcpColumn[] = [];
  for (const col of el.relationships.Columns ?? []) {
    if (col.type === 'SqlSimpleColumn') columns.push(toBcpColumn(col, aliases));
  }
  return columns;
}

function toBcpColumn(col: SqlSimpleColumn, aliases: ReadonlyMap<string, SqlUserDefinedDataType>): BcpColumn {
  const parts = parseName(col.name);
  const columnName = parts[parts.length - 1] ?? col.name;
  const spec = col.relationships.TypeSpecifier;
  const typeRef = spec?.relationships.Type;
  if (spec === undefined || typeRef?.name === undefined) {
    throw modelError('MODEL_UNSUPPORTED_COLUMN_TYPE', `${col.name}: column has no type`);
  }
  let nullable = col.properties.IsNullable !== false;
  let facets: Facets = spec.type === 'SqlTypeSpecifier' ? spec.properties : {};
  let typeName: string;
  if (typeRef.externalSource === 'BuiltIns') {
    typeName = builtInName(typeRef.name);
  } else {
    const alias = aliases.get(typeRef.name);
    const base = alias?.relationships.Type;
    if (alias === undefined || base?.name === undefined || base.externalSource !== 'BuiltIns') {
      throw modelError(
        'MODEL_UNSUPPORTED_COLUMN_TYPE',
        `${col.name}: type ${typeRef.name} is not a built-in or alias type`,
      );
    }
    typeName = builtInName(base.name);
    facets = alias.properties;
    if (alias.properties.IsNullable === false) nullable = false;
  }
  if (typeName === 'timestamp') typeName = 'rowversion';
  if (typeName === 'float' && facets.Precision !== undefined && facets.Precision <= 24) typeName = 'real';
  if (!BUILT_IN_TYPES.has(typeName)) {
    throw modelError(
      'MODEL_UNSUPPORTED_COLUMN_TYPE',
      `${col.name}: type ${typeName} has no BCP encoding here`,
    );
  }
  const type = typeName as BcpSqlType;
  return {
    name: columnName,
    type,
    nullable,
    ...(facets.Length === undefined ? {} : { length: facets.Length }),
    ...(facets.IsMax === true ? { isMax: true } : {}),
    ...(facets.Precision === undefined || type === 'float' ? {} : { precision: facets.Precision }),
    ...(hasScale(type) ? { scale: facets.Scale ?? 0 } : {}),
  };
}

/** `[int]` -> `int`, `[sys].[sysname]` -> `sysname`. */
function builtInName(name: string): string {
  const parts = parseName(name);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

function hasScale(type: BcpSqlType): boolean {
  return (
    type === 'decimal' ||
    type === 'numeric' ||
    type === 'time' ||
    type === 'datetime2' ||
    type === 'datetimeoffset'
  );
}
