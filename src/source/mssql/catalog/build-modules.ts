import type {
  Reference,
  Script,
  SysCommentsObjectAnnotation,
  TopLevelElement,
} from '../../../bacpac/model/types';
import type { DependencyRow, ModuleRow } from './modules';
import { objectName, schemaReference } from './model-names';
import { splitModuleDefinition } from './module-split';

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
export function buildModule(
  m: ModuleRow,
  dependencies: readonly DependencyRow[],
): TopLevelElement | undefined {
  if (m.definition === undefined) return undefined;
  const parts = splitModuleDefinition(m.definition, m.objectType);
  if (parts === undefined) return undefined;
  const name = objectName(m.schemaName, m.objectName);
  const script: Script = {
    text: parts.body,
    quotedIdentifiers: m.usesQuotedIdentifier,
    ansiNulls: m.usesAnsiNulls,
  };
  const refs = dependencyReferences(dependencies);
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
        relationships: { ...(deps ? { BodyDependencies: deps } : {}), Schema: schema },
        annotations: [comments],
      };
    case 'FN':
    case 'IF':
    case 'TF': {
      const type =
        m.objectType === 'FN'
          ? 'SqlScalarFunction'
          : m.objectType === 'IF'
            ? 'SqlInlineTableValuedFunction'
            : 'SqlMultiStatementTableValuedFunction';
      return {
        type,
        name,
        properties: { ...(m.isSchemaBound ? { IsSchemaBound: true } : {}), ...ansi },
        relationships: {
          ...(deps ? { BodyDependencies: deps } : {}),
          FunctionBody: {
            type: 'SqlScriptFunctionImplementation',
            properties: { BodyScript: script },
            relationships: {},
            annotations: [comments],
          },
          Schema: schema,
        },
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
