import type {
  Annotation,
  Reference,
  SqlComputedColumn,
  SqlIndexedColumnSpecification,
  SqlSimpleColumn,
  SqlTypeSpecifier,
  SqlXmlTypeSpecifier,
} from '../../bacpac/model';
import { builtIn, formatName, ref } from '../../bacpac/model';

/**
 * Small builders for the model elements of the synthetic databases, written the way DacFx writes
 * them: properties only where they differ from the default, and built-in types referenced as
 * `[int]` or `[sys].[geography]`.
 */

/** A column's declared type: a built-in type name (`int`, `sys.geography`) or an alias type. */
export interface ColumnType {
  /** `int`, `nvarchar`, `sys.geography`, ...; or `[dbo].[AccountCode]` with `alias: true`. */
  readonly name: string;
  readonly alias?: boolean;
  readonly length?: number;
  readonly isMax?: boolean;
  readonly precision?: number;
  readonly scale?: number;
}

/** The shape of one table column in the synthetic model. */
export interface ColumnShape {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly identity?: boolean;
  /** A computed column: its expression (as sys.computed_columns keeps it) and what it uses. */
  readonly computed?: { readonly script: string; readonly dependencies: readonly Reference[] };
  /** The disambiguator of a system-named default constraint on this column. */
  readonly inlineDefault?: number;
}

/** `[int]`, `[sys].[geography]`: the built-in reference of a type name. */
export function builtInType(name: string): Reference {
  return builtIn(formatName(name.split('.')));
}

export function typeSpecifier(type: ColumnType): SqlTypeSpecifier | SqlXmlTypeSpecifier {
  const reference = type.alias === true ? ref(type.name) : builtInType(type.name);
  if (type.name === 'xml') {
    return { type: 'SqlXmlTypeSpecifier', properties: {}, relationships: { Type: reference } };
  }
  return {
    type: 'SqlTypeSpecifier',
    properties: {
      ...(type.scale === undefined || type.scale === 0 ? {} : { Scale: type.scale }),
      ...(type.precision === undefined ? {} : { Precision: type.precision }),
      ...(type.length === undefined ? {} : { Length: type.length }),
      ...(type.isMax === true ? { IsMax: true } : {}),
    },
    relationships: { Type: reference },
  };
}

/**
 * A table column: a SqlSimpleColumn, or a SqlComputedColumn for a computed one. An identity column
 * ends with the `[LastValue]` annotation newer DacFx versions write (`lastValue`).
 */
export function column(
  table: string,
  shape: ColumnShape,
  lastValue?: string,
): SqlSimpleColumn | SqlComputedColumn {
  const name = `${table}.${formatName([shape.name])}`;
  if (shape.computed !== undefined) {
    return {
      type: 'SqlComputedColumn',
      name,
      properties: { ExpressionScript: { text: shape.computed.script } },
      relationships: { ExpressionDependencies: shape.computed.dependencies },
    };
  }
  const annotations: Annotation[] = [];
  if (shape.identity === true && lastValue !== undefined) {
    annotations.push({
      type: 'OnlinePropertyAnnotation',
      name: '[LastValue]',
      properties: { Value: lastValue },
    });
  }
  if (shape.inlineDefault !== undefined) {
    annotations.push({ type: 'AttachedAnnotation', disambiguator: shape.inlineDefault });
  }
  return {
    type: 'SqlSimpleColumn',
    name,
    properties: {
      ...(shape.nullable ? {} : { IsNullable: false }),
      ...(shape.identity === true ? { IsIdentity: true } : {}),
    },
    relationships: { TypeSpecifier: typeSpecifier(shape.type) },
    ...(annotations.length === 0 ? {} : { annotations }),
  };
}

/** Key columns of a primary key, unique constraint or index, in key order. */
export function keyColumns(table: string, names: readonly string[]): SqlIndexedColumnSpecification[] {
  return names.map((c) => ({
    type: 'SqlIndexedColumnSpecification',
    properties: {},
    relationships: { Column: ref(`${table}.${formatName([c])}`) },
  }));
}

/** `[schema].[table].[column]` references. */
export function columnRefs(table: string, names: readonly string[]): Reference[] {
  return names.map((c) => ref(`${table}.${formatName([c])}`));
}
