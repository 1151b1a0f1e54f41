import { formatName } from '../../../bacpac/model/names';
import { walkElements } from '../../../bacpac/model/walk';
import type { DatabaseModel, TopLevelElement } from '../../../bacpac/model/types';
import type { SourceFinding, SourceTable } from '../../types';
import { choosePlatform, ENGINE_EDITION_AZURE_SQL_DATABASE } from '../dsp-name';
import { buildDatabaseOptions } from './build-database-options';
import { ownerReference } from './schema-owner';
import { buildAliasType } from './build-columns';
import { buildExtendedProperties } from './build-extended-properties';
import { buildModule } from './build-modules';
import { buildSequence, buildSynonym, buildTableType, buildXmlSchemaCollection } from './build-other-objects';
import { buildPermissions } from './build-permissions';
import { buildPrincipals } from './build-security';
import { buildTables, groupBy } from './build-tables';
import type { ColumnRow } from './columns';
import type { CheckConstraintRow, ForeignKeyColumnRow } from './constraints';
import { createDisambiguators } from './disambiguators';
import type { ExtendedPropertyRow } from './extended-properties';
import type { IndexColumnRow } from './indexes';
import { objectName } from './model-names';
import type { DependencyRow, ModuleRow } from './modules';
import type { ParameterRow } from './parameters';
import type { AliasTypeRow, RowCountRow, SchemaRow } from './schemas-types';
import type { PermissionStatementRow, PrincipalRow, RoleMemberRow } from './security';
import type { SequenceRow, SynonymRow, XmlSchemaCollectionRow } from './sequences-synonyms';
import type { ServerInfo } from './server-info';
import type { TableTypeCheckRow, TableTypeKeyRow } from './table-types';

/** Everything the catalog queries returned for one database (one query per catalog view). */
export interface CatalogRows {
  readonly server: ServerInfo;
  readonly schemas: readonly SchemaRow[];
  readonly aliasTypes: readonly AliasTypeRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexColumnRow[];
  readonly foreignKeys: readonly ForeignKeyColumnRow[];
  readonly checks: readonly CheckConstraintRow[];
  readonly modules: readonly ModuleRow[];
  readonly dependencies: readonly DependencyRow[];
  readonly rowCounts: readonly RowCountRow[];
  readonly parameters: readonly ParameterRow[];
  /** Columns of the tables multi-statement functions return. */
  readonly functionColumns: readonly ColumnRow[];
  readonly tableTypeColumns: readonly ColumnRow[];
  readonly tableTypeKeys: readonly TableTypeKeyRow[];
  readonly tableTypeChecks: readonly TableTypeCheckRow[];
  readonly sequences: readonly SequenceRow[];
  readonly synonyms: readonly SynonymRow[];
  readonly xmlSchemaCollections: readonly XmlSchemaCollectionRow[];
  readonly principals: readonly PrincipalRow[];
  readonly roleMembers: readonly RoleMemberRow[];
  readonly permissions: readonly PermissionStatementRow[];
  readonly extendedProperties: readonly ExtendedPropertyRow[];
}

export interface BuildOptions {
  /** `[schema].[name]` of objects left out of the model (unsupported objects skipped by the caller). */
  readonly excluded?: ReadonlySet<string>;
  /** `schema.table` of the tables whose rows are exported; all when absent. */
  readonly tables?: readonly string[];
}

/**
 * Maps the catalog rows of one database to the schema model, the tables whose rows are exported
 * (computed columns left out of their BCP columns) and the findings about what was left out.
 */
export function buildModel(
  rows: CatalogRows,
  options: BuildOptions = {},
): { model: DatabaseModel; tables: SourceTable[]; findings: SourceFinding[] } {
  const excluded = options.excluded ?? new Set<string>();
  const keep = (schema: string, name: string): boolean => !excluded.has(objectName(schema, name));
  const wanted = options.tables !== undefined ? new Set(options.tables) : undefined;
  const disambiguators = createDisambiguators();
  const collation = rows.server.collationName;
  const elements: TopLevelElement[] = [];
  const findings: SourceFinding[] = [];

  const security = buildPrincipals(
    {
      principals: rows.principals,
      roleMembers: rows.roleMembers,
      targetIsAzure: rows.server.engineEdition === ENGINE_EDITION_AZURE_SQL_DATABASE,
    },
    disambiguators,
  );
  elements.push(...security.elements);
  findings.push(...security.findings);
  const principals = new Set(
    security.elements.filter((e) => e.type === 'SqlUser' || e.type === 'SqlRole').map((e) => e.name),
  );
  for (const s of rows.schemas) {
    elements.push({
      type: 'SqlSchema',
      name: formatName([s.schemaName]),
      properties: {},
      relationships: { Authorizer: ownerReference(s, principals, findings) },
    });
  }
  for (const t of rows.aliasTypes) elements.push(buildAliasType(t));
  for (const x of rows.xmlSchemaCollections) elements.push(buildXmlSchemaCollection(x));
  for (const s of rows.sequences) if (keep(s.schemaName, s.sequenceName)) elements.push(buildSequence(s));
  for (const s of rows.synonyms) if (keep(s.schemaName, s.synonymName)) elements.push(buildSynonym(s));
  const typeKeys = groupBy(rows.tableTypeKeys, (k) => objectName(k.schemaName, k.typeName));
  const typeChecks = groupBy(rows.tableTypeChecks, (k) => objectName(k.schemaName, k.typeName));
  for (const columns of groupBy(rows.tableTypeColumns, (c) => c.tableId).values()) {
    const first = columns[0] as ColumnRow;
    const name = objectName(first.schemaName, first.tableName);
    const type = buildTableType(columns, typeKeys.get(name) ?? [], typeChecks.get(name) ?? [], collation);
    if (type) elements.push(type);
  }

  const built = buildTables(
    { ...rows, databaseCollation: collation },
    keep,
    (schema, name) => wanted === undefined || wanted.has(`${schema}.${name}`),
    disambiguators,
  );
  elements.push(...built.elements);

  const deps = groupBy(rows.dependencies, (d) => d.referencingId);
  const params = groupBy(rows.parameters, (p) => p.objectId);
  const fnColumns = groupBy(rows.functionColumns, (c) => c.tableId);
  for (const m of rows.modules) {
    if (!keep(m.schemaName, m.objectName)) continue;
    const element = buildModule(m, {
      dependencies: deps.get(m.objectId) ?? [],
      parameters: params.get(m.objectId) ?? [],
      columns: fnColumns.get(m.objectId) ?? [],
      databaseCollation: collation,
    });
    if (element) elements.push(element);
  }

  const named = new Map<string, { disambiguator?: number }>();
  for (const el of walkElements(elements)) {
    if (el.name !== undefined && !named.has(el.name)) {
      named.set(el.name, el.disambiguator !== undefined ? { disambiguator: el.disambiguator } : {});
    }
  }
  const grants = buildPermissions(rows.permissions, security.principal, (name) => named.has(name));
  elements.push(...grants.elements);
  findings.push(...grants.findings);
  const properties = buildExtendedProperties(rows.extendedProperties, (name) => named.get(name));
  elements.push(...properties.elements);
  findings.push(...properties.findings);

  const model: DatabaseModel = {
    header: {
      fileFormatVersion: '1.2',
      schemaVersion: '2.9',
      platform: choosePlatform(rows.server.engineEdition, rows.server.majorVersion),
      collationLcid: rows.server.collationLcid,
      collationCaseSensitive: /_CS(_|$)|_BIN2?$/i.test(collation),
    },
    databaseOptions: buildDatabaseOptions(
      rows.server,
      grants.referencesDatabase || properties.referencesDatabase,
    ),
    elements,
  };
  return { model, tables: built.tables, findings };
}
