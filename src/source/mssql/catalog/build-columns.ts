import type {
  Annotation,
  SqlComputedColumn,
  SqlSimpleColumn,
  SqlTypeSpecifier,
  SqlXmlTypeSpecifier,
  SqlUserDefinedDataType,
} from '../../../bacpac/model/types';
import type { AliasTypeRow } from './schemas-types';
import type { ColumnRow } from './columns';
import { attached } from './disambiguators';
import { builtInType, columnName, objectName, schemaReference } from './model-names';

const CLR_SYSTEM_TYPES = new Set(['geography', 'geometry', 'hierarchyid']);

interface TypeFacts {
  readonly baseTypeName: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
}

/** The type properties and built-in type reference of a base type with its facets (4.6.4). */
export function builtInTypeSpecifier(facts: TypeFacts): SqlTypeSpecifier {
  const base = facts.baseTypeName.toLowerCase();
  const spec = (properties: SqlTypeSpecifier['properties'], type: string): SqlTypeSpecifier => ({
    type: 'SqlTypeSpecifier',
    properties,
    relationships: { Type: builtInType(type) },
  });
  switch (base) {
    case 'timestamp':
    case 'rowversion':
      return spec({}, '[rowversion]');
    case 'float':
      return facts.precision <= 24 ? spec({}, '[real]') : spec({ Precision: 53 }, '[float]');
    case 'decimal':
    case 'numeric':
      return spec(
        facts.scale !== 0
          ? { Scale: facts.scale, Precision: facts.precision }
          : { Precision: facts.precision },
        `[${base}]`,
      );
    case 'time':
    case 'datetime2':
    case 'datetimeoffset':
      return spec(facts.scale !== 0 ? { Scale: facts.scale } : {}, `[${base}]`);
    case 'char':
    case 'varchar':
    case 'binary':
    case 'varbinary':
      return spec(facts.maxLength === -1 ? { IsMax: true } : { Length: facts.maxLength }, `[${base}]`);
    case 'nchar':
    case 'nvarchar':
      return spec(facts.maxLength === -1 ? { IsMax: true } : { Length: facts.maxLength / 2 }, `[${base}]`);
    default:
      return spec({}, CLR_SYSTEM_TYPES.has(base) ? `[sys].[${base}]` : `[${base}]`);
  }
}

/** What a column, parameter or return value says about its type. */
export type TypeFactsRow = Pick<
  ColumnRow,
  | 'typeName'
  | 'typeSchema'
  | 'isAliasType'
  | 'baseTypeName'
  | 'maxLength'
  | 'precision'
  | 'scale'
  | 'xmlCollectionName'
  | 'xmlCollectionSchema'
  | 'isXmlDocument'
>;

/** The type specifier of a column, parameter or scalar return type (4.6.4). */
export function typeSpecifierOf(c: TypeFactsRow): SqlTypeSpecifier | SqlXmlTypeSpecifier {
  if (c.isAliasType) {
    return {
      type: 'SqlTypeSpecifier',
      properties: {},
      relationships: { Type: { name: objectName(c.typeSchema, c.typeName) } },
    };
  }
  if (c.typeName === 'sysname') {
    return {
      type: 'SqlTypeSpecifier',
      properties: {},
      relationships: { Type: builtInType('[sys].[sysname]') },
    };
  }
  if (c.baseTypeName === 'xml') {
    return {
      type: 'SqlXmlTypeSpecifier',
      properties: c.isXmlDocument ? { IsXmlDocument: true } : {},
      relationships: {
        Type: builtInType('[xml]'),
        ...(c.xmlCollectionName !== undefined && c.xmlCollectionSchema !== undefined
          ? { XmlSchemaCollection: { name: objectName(c.xmlCollectionSchema, c.xmlCollectionName) } }
          : {}),
      },
    };
  }
  return builtInTypeSpecifier(c);
}

/**
 * A table column as model.xml writes it: simple (with its type and identity) or computed.
 * `attachedTo` is the disambiguator of the unnamed default constraint the column owns.
 */
export function buildColumn(
  c: ColumnRow,
  databaseCollation?: string,
  attachedTo?: number,
): SqlSimpleColumn | SqlComputedColumn {
  const name = columnName(c.schemaName, c.tableName, c.columnName);
  if (c.isComputed) {
    return {
      type: 'SqlComputedColumn',
      name,
      properties: {
        ExpressionScript: { text: c.computedDefinition ?? '' },
        ...(c.isPersisted ? { IsPersisted: true } : {}),
      },
      relationships: {},
    };
  }
  const annotations: Annotation[] = [];
  if (c.isIdentity && c.identityLastValue !== undefined) {
    annotations.push({
      type: 'OnlinePropertyAnnotation',
      name: '[LastValue]',
      properties: { Value: c.identityLastValue },
    });
  }
  if (attachedTo !== undefined) annotations.push(attached(attachedTo));
  return {
    type: 'SqlSimpleColumn',
    name,
    properties: {
      ...(c.collationName !== undefined && c.collationName !== databaseCollation
        ? { Collation: c.collationName }
        : {}),
      ...(!c.isNullable ? { IsNullable: false } : {}),
      ...(c.isIdentity ? { IsIdentity: true } : {}),
      ...(c.isIdentity && c.identityNotForReplication ? { IdentityIsNotForReplication: true } : {}),
      ...(c.isRowGuidCol ? { IsRowGuidColumn: true } : {}),
      ...(c.isSparse ? { IsSparse: true } : {}),
      ...(c.isFileStream ? { IsFileStream: true } : {}),
      ...(c.isColumnSet ? { IsColumnSet: true } : {}),
      ...(c.isIdentity && c.identitySeed !== undefined && c.identitySeed !== '1'
        ? { IdentitySeed: c.identitySeed }
        : {}),
      ...(c.isIdentity && c.identityIncrement !== undefined && c.identityIncrement !== '1'
        ? { IdentityIncrement: c.identityIncrement }
        : {}),
    },
    relationships: { TypeSpecifier: typeSpecifierOf(c) },
    ...(annotations.length > 0 ? { annotations } : {}),
  };
}

/** An alias type (`CREATE TYPE [dbo].[Name] FROM nvarchar(50) NOT NULL`), 4.6.5. */
export function buildAliasType(t: AliasTypeRow): SqlUserDefinedDataType {
  const base = builtInTypeSpecifier(t);
  return {
    type: 'SqlUserDefinedDataType',
    name: objectName(t.schemaName, t.typeName),
    properties: { ...(!t.isNullable ? { IsNullable: false } : {}), ...base.properties },
    relationships: { Schema: schemaReference(t.schemaName), ...base.relationships },
  };
}
