import { formatName } from '../../../bacpac/model/names';
import type {
  DatabaseModel,
  SqlDatabaseOptions,
  SqlTable,
  TopLevelElement,
} from '../../../bacpac/model/types';
import type { SourceTable } from '../../types';
import { choosePlatform } from '../dsp-name';
import { toBcpColumn } from './bcp-column';
import { buildAliasType, buildColumn } from './build-columns';
import { buildCheck, buildDefault, buildForeignKey, buildIndex } from './build-constraints';
import { buildModule } from './build-modules';
import type { ColumnRow } from './columns';
import type { CheckConstraintRow, ForeignKeyColumnRow } from './constraints';
import type { IndexColumnRow } from './indexes';
import { objectName, schemaReference } from './model-names';
import type { DependencyRow, ModuleRow } from './modules';
import type { AliasTypeRow, RowCountRow, SchemaRow } from './schemas-types';
import type { ServerInfo } from './server-info';

/** Everything the catalog queries returned for one database. */
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
}

export interface BuildOptions {
  /** `[schema].[name]` of objects left out of the model (unsupported objects skipped by the caller). */
  readonly excluded?: ReadonlySet<string>;
  /** `schema.table` of the tables whose rows are exported; all when absent. */
  readonly tables?: readonly string[];
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function buildDatabaseOptions(s: ServerInfo): SqlDatabaseOptions {
  return {
    type: 'SqlDatabaseOptions',
    properties: {
      Collation: s.collationName,
      IsAnsiNullDefaultOn: s.isAnsiNullDefaultOn,
      IsAnsiPaddingOn: s.isAnsiPaddingOn,
      IsQuotedIdentifierOn: s.isQuotedIdentifierOn,
      IsAnsiNullsOn: s.isAnsiNullsOn,
      IsAnsiWarningsOn: s.isAnsiWarningsOn,
      IsArithAbortOn: s.isArithAbortOn,
      IsConcatNullYieldsNullOn: s.isConcatNullYieldsNullOn,
      IsCursorDefaultScopeGlobal: !s.isLocalCursorDefault,
      IsAutoCloseOn: s.isAutoCloseOn,
      IsTornPageProtectionOn: s.pageVerifyOption === 1,
      IsFullTextEnabled: s.isFullTextEnabled,
      ServiceBrokerOption: s.isBrokerEnabled ? 1 : 0,
      IsAllowSnapshotIsolation: s.snapshotIsolationState === 1,
      IsReadCommittedSnapshot: s.isReadCommittedSnapshotOn,
      IsEncryptionOn: s.isEncrypted,
      CompatibilityMode: s.compatibilityLevel,
      ...(s.containment !== 0 ? { Containment: s.containment } : {}),
      ...(s.targetRecoveryTime !== undefined ? { TargetRecoveryTimePeriod: s.targetRecoveryTime } : {}),
    },
    relationships: { DefaultFilegroup: { externalSource: 'BuiltIns', name: '[PRIMARY]' } },
  };
}

/**
 * Maps the catalog rows of one database to the schema model and the list of tables whose rows
 * are exported (computed columns left out of their BCP columns).
 */
export function buildModel(
  rows: CatalogRows,
  options: BuildOptions = {},
): { model: DatabaseModel; tables: SourceTable[] } {
  const excluded = options.excluded ?? new Set<string>();
  const keep = (schema: string, name: string): boolean => !excluded.has(objectName(schema, name));
  const elements: TopLevelElement[] = [];

  for (const s of rows.schemas) {
    elements.push({
      type: 'SqlSchema',
      name: formatName([s.schemaName]),
      properties: {},
      relationships: { Authorizer: schemaReference(s.ownerName) },
    });
  }
  for (const t of rows.aliasTypes) elements.push(buildAliasType(t));

  const counts = new Map(rows.rowCounts.map((r) => [objectName(r.schemaName, r.tableName), r]));
  const wanted = options.tables !== undefined ? new Set(options.tables) : undefined;
  const tables: SourceTable[] = [];
  for (const columns of groupBy(rows.columns, (c) => c.tableId).values()) {
    const first = columns[0] as ColumnRow;
    if (!keep(first.schemaName, first.tableName)) continue;
    const name = objectName(first.schemaName, first.tableName);
    const table: SqlTable = {
      type: 'SqlTable',
      name,
      properties: { IsAnsiNullsOn: true },
      relationships: {
        Columns: columns.map((c) => buildColumn(c, rows.server.collationName)),
        Schema: schemaReference(first.schemaName),
      },
    };
    elements.push(table);
    for (const c of columns) {
      const d = buildDefault(c);
      if (d) elements.push(d);
    }
    if (wanted === undefined || wanted.has(`${first.schemaName}.${first.tableName}`)) {
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
    const element = buildIndex(index);
    if (element) elements.push(element);
  }
  for (const fk of groupBy(rows.foreignKeys, (r) => r.constraintId).values()) {
    const first = fk[0] as ForeignKeyColumnRow;
    if (!keep(first.tableSchema, first.tableName) || !keep(first.foreignSchema, first.foreignTable)) continue;
    const element = buildForeignKey(fk);
    if (element) elements.push(element);
  }
  for (const check of rows.checks)
    if (keep(check.tableSchema, check.tableName)) elements.push(buildCheck(check));
  const deps = groupBy(rows.dependencies, (d) => d.referencingId);
  for (const m of rows.modules) {
    if (!keep(m.schemaName, m.objectName)) continue;
    const element = buildModule(m, deps.get(m.objectId) ?? []);
    if (element) elements.push(element);
  }

  const model: DatabaseModel = {
    header: {
      fileFormatVersion: '1.2',
      schemaVersion: '2.9',
      platform: choosePlatform(rows.server.engineEdition, rows.server.majorVersion),
      collationLcid: rows.server.collationLcid,
      collationCaseSensitive: /_CS(_|$)|_BIN2?$/i.test(rows.server.collationName),
    },
    databaseOptions: buildDatabaseOptions(rows.server),
    elements,
  };
  return { model, tables };
}
