import type {
  Reference,
  Script,
  SqlSubroutineParameter,
  SysCommentsObjectAnnotation,
  TopLevelElement,
} from '../../../bacpac/model/types';
import { buildColumn, typeSpecifierOf } from './build-columns';
import type { ColumnRow } from './columns';
import type { DependencyRow, ModuleRow } from './modules';
import { columnName, objectName, schemaReference } from './model-names';
import { splitModuleDefinition } from './module-split';
import { readHeaderFacts } from './parameter-defaults';
import type { ParameterRow } from './parameters';

/** What a module owns besides its definition: parameters, return type and returned-table columns. */
export interface ModuleOwned {
  readonly dependencies: readonly DependencyRow[];
  /** sys.parameters rows of the module, parameter_id 0 (a scalar function's return type) included. */
  readonly parameters: readonly ParameterRow[];
  /** The columns of a multi-statement function's returned table. */
  readonly columns: readonly ColumnRow[];
  readonly databaseCollation?: string;
}

/** The object-level references a module makes to objects of this database. */
export function dependencyReferences(rows: readonly DependencyRow[]): Reference[] {
  const names = new Set<string>();
  for (const r of rows) {
    if (r.serverName !== undefined || r.databaseName !== undefined || r.schemaName === undefined) continue;
    if (r.referencedType === undefined) continue; // unresolved (missing or deferred) objects
    names.add(objectName(r.schemaName, r.entityName));
  }
  return [...names].sort().map((name) => ({ name }));
}

function sysComments(definition: string, header: string, footer?: string): SysCommentsObjectAnnotation {
  const create = /\bCREATE\b/i.exec(header);
  return {
    type: 'SysCommentsObjectAnnotation',
    properties: {
      CreateOffset: create?.index ?? 0,
      Length: definition.length,
      StartLine: 1,
      StartColumn: 1,
      HeaderContents: header,
      ...(footer !== undefined ? { FooterContents: footer } : {}),
    },
  };
}

/**
 * A view, procedure, function or DML trigger. The script holds the body after `AS` and a
 * SysCommentsObjectAnnotation keeps the original header, so the import recreates the module
 * exactly as written. Returns undefined when the definition is not readable (encrypted).
 */
export function buildModule(m: ModuleRow, owned: ModuleOwned): TopLevelElement | undefined {
  if (m.definition === undefined) return undefined;
  const parts = splitModuleDefinition(m.definition, m.objectType);
  if (parts === undefined) return undefined;
  const name = objectName(m.schemaName, m.objectName);
  const settings = { quotedIdentifiers: m.usesQuotedIdentifier, ansiNulls: m.usesAnsiNulls };
  const script: Script = { text: parts.body, ...settings };
  const header = readHeaderFacts(parts.header);
  const parameters = owned.parameters
    .filter((p) => p.parameterId > 0)
    .map((p): SqlSubroutineParameter => {
      const value = header.defaults.get(p.parameterName);
      return {
        type: 'SqlSubroutineParameter',
        name: columnName(m.schemaName, m.objectName, p.parameterName),
        properties: {
          ...(p.isOutput ? { IsOutput: true } : {}),
          ...(p.isReadOnly ? { IsReadOnly: true } : {}),
          ...(value !== undefined ? { DefaultExpressionScript: { text: value, ...settings } } : {}),
        },
        relationships: { Type: typeSpecifierOf(p) },
      };
    });
  const params = parameters.length > 0 ? { Parameters: parameters } : {};
  const returns = owned.parameters.find((p) => p.parameterId === 0);
  const columns = owned.columns.map((c) => buildColumn(c, owned.databaseCollation));
  const refs = dependencyReferences(owned.dependencies);
  const deps = refs.length > 0 ? refs : undefined;
  const comments = sysComments(m.definition, parts.header, parts.footer);
  const ansi = m.usesAnsiNulls ? { IsAnsiNullsOn: true } : {};
  const schema = schemaReference(m.schemaName);
  switch (m.objectType) {
    case 'V':
      return {
        type: 'SqlView',
        name,
        properties: { ...(m.isSchemaBound ? { IsSchemaBound: true } : {}), QueryScript: script, ...ansi },
        relationships: { ...(deps ? { QueryDependencies: deps } : {}), Schema: schema },
        annotations: [comments],
      };
    case 'P':
      return {
        type: 'SqlProcedure',
        name,
        properties: { BodyScript: script, ...ansi },
        relationships: { ...(deps ? { BodyDependencies: deps } : {}), ...params, Schema: schema },
        annotations: [comments],
      };
    case 'FN':
    case 'IF':
    case 'TF': {
      const properties = { ...(m.isSchemaBound ? { IsSchemaBound: true } : {}), ...ansi };
      const relationships = {
        ...(deps ? { BodyDependencies: deps } : {}),
        FunctionBody: {
          type: 'SqlScriptFunctionImplementation' as const,
          properties: { BodyScript: script },
          relationships: {},
          annotations: [comments],
        },
        ...params,
        Schema: schema,
      };
      if (m.objectType === 'FN') {
        return {
          type: 'SqlScalarFunction',
          name,
          properties,
          relationships: { ...relationships, ...(returns ? { Type: typeSpecifierOf(returns) } : {}) },
        };
      }
      if (m.objectType === 'IF')
        return { type: 'SqlInlineTableValuedFunction', name, properties, relationships };
      return {
        type: 'SqlMultiStatementTableValuedFunction',
        name,
        properties: {
          ...(header.returnTableVariable !== undefined
            ? { ReturnTableVariable: header.returnTableVariable }
            : {}),
          ...properties,
        },
        relationships: { ...relationships, ...(columns.length > 0 ? { Columns: columns } : {}) },
      };
    }
    case 'TR':
      return {
        type: 'SqlDmlTrigger',
        name,
        properties: {
          ...(m.isInsert ? { IsInsertTrigger: true } : {}),
          ...(m.isUpdate ? { IsUpdateTrigger: true } : {}),
          ...(m.isDelete ? { IsDeleteTrigger: true } : {}),
          // SqlTriggerType: 2 = AFTER, 3 = INSTEAD OF (DacFx's enumeration).
          SqlTriggerType: m.isInsteadOf ? 3 : 2,
          ...(m.isNotForReplication ? { IsNotForReplication: true } : {}),
          BodyScript: script,
          ...ansi,
        },
        relationships: {
          ...(deps ? { BodyDependencies: deps } : {}),
          ...(m.parentSchema !== undefined && m.parentName !== undefined
            ? { Parent: { name: objectName(m.parentSchema, m.parentName) } }
            : {}),
        },
        annotations: [comments],
      };
    default:
      return undefined;
  }
}
