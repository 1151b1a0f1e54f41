import type { SourceFinding } from '../../types';
import type { ColumnRow } from '../catalog/columns';
import type { DependencyRow, ModuleRow } from '../catalog/modules';
import type { RowCountRow } from '../catalog/schemas-types';
import type { SequenceRow, SynonymRow } from '../catalog/sequences-synonyms';
import { isSupportedColumnType } from '../catalog/bcp-column';
import { objectName } from '../catalog/model-names';
import { canSplitOn } from '../planning/key-literal';
import type { ClusteredKeyRow } from './clustered-keys';

/** Objects a BACPAC cannot carry, found by queries of their own (external tables, CLR assemblies...). */
export const UNSUPPORTED_OBJECTS_SQL = `
SELECT N'EXTERNAL_TABLE' AS code, SCHEMA_NAME(schema_id) AS schemaName, name AS objectName FROM sys.external_tables
UNION ALL SELECT N'EXTERNAL_DATA_SOURCE', NULL, name FROM sys.external_data_sources
UNION ALL SELECT N'CLR_ASSEMBLY', NULL, name FROM sys.assemblies WHERE is_user_defined = 1
UNION ALL SELECT N'WINDOWS_USER', NULL, name FROM sys.database_principals WHERE type IN ('U', 'G');`;

export interface UnsupportedObjectRow {
  readonly code: string;
  readonly schemaName?: string;
  readonly objectName: string;
}

/**
 * The pre-flight report: objects a BACPAC cannot carry (errors: the export fails on them unless
 * `onUnsupported` is `skip`) and objects that need care (warnings).
 */
export function preflightFindings(input: {
  readonly unsupported: readonly UnsupportedObjectRow[];
  readonly columns: readonly ColumnRow[];
  readonly modules: readonly ModuleRow[];
  readonly dependencies: readonly DependencyRow[];
  readonly rowCounts: readonly RowCountRow[];
  readonly clusteredKeys: readonly ClusteredKeyRow[];
  readonly sequences: readonly SequenceRow[];
  readonly synonyms: readonly SynonymRow[];
  readonly targetIsAzure: boolean;
}): SourceFinding[] {
  const findings: SourceFinding[] = [];
  for (const u of input.unsupported) {
    const object = u.schemaName !== undefined ? objectName(u.schemaName, u.objectName) : `[${u.objectName}]`;
    if (u.code === 'WINDOWS_USER') {
      if (input.targetIsAzure) {
        findings.push({
          code: 'WINDOWS_USER',
          severity: 'error',
          object,
          message: 'Windows users and groups cannot be created in Azure SQL Database',
        });
      }
      continue;
    }
    findings.push({
      code: u.code,
      severity: 'error',
      object,
      message: `${u.code.toLowerCase().replace(/_/g, ' ')} cannot be carried by a BACPAC`,
    });
  }
  for (const c of input.columns) {
    const object = objectName(c.schemaName, c.tableName);
    if (c.isFileStream)
      findings.push({
        code: 'FILESTREAM_COLUMN',
        severity: 'error',
        object,
        message: `column [${c.columnName}] is FILESTREAM`,
      });
    else if (!isSupportedColumnType(c)) {
      findings.push({
        code: 'UNSUPPORTED_TYPE',
        severity: 'error',
        object,
        message: `column [${c.columnName}] has type ${c.typeName}`,
      });
    }
  }
  const modules = new Map(input.modules.map((m) => [m.objectId, m]));
  for (const d of input.dependencies) {
    if (d.serverName === undefined && d.databaseName === undefined) continue;
    const m = modules.get(d.referencingId);
    if (m === undefined) continue;
    const target = [d.serverName, d.databaseName, d.schemaName, d.entityName]
      .filter((p) => p !== undefined)
      .join('.');
    findings.push({
      code: d.serverName !== undefined ? 'LINKED_SERVER_REFERENCE' : 'CROSS_DATABASE_REFERENCE',
      severity: 'error',
      object: objectName(m.schemaName, m.objectName),
      message: `references ${target}, outside the database`,
    });
  }
  for (const m of input.modules) {
    if (m.isEncrypted)
      findings.push({
        code: 'ENCRYPTED_MODULE',
        severity: 'error',
        object: objectName(m.schemaName, m.objectName),
        message: 'the definition is encrypted and cannot be exported',
      });
  }
  const rows = new Map(input.rowCounts.map((r) => [objectName(r.schemaName, r.tableName), r.rowCount]));
  for (const k of input.clusteredKeys) {
    const object = objectName(k.schemaName, k.tableName);
    if ((rows.get(object) ?? '0') === '0') continue;
    const reason = singlePartReason(k);
    if (reason !== undefined) {
      findings.push({
        code: 'SINGLE_PART',
        severity: 'warning',
        object,
        message: `${reason}: its rows are exported as one part`,
      });
    }
  }
  for (const s of input.synonyms) {
    if (s.baseServer !== undefined || s.baseDatabase !== undefined) {
      findings.push({
        code: 'CROSS_DATABASE_REFERENCE',
        severity: 'error',
        object: objectName(s.schemaName, s.synonymName),
        message: `synonym for ${s.baseObjectName}, outside the database`,
      });
    }
  }
  for (const s of input.sequences) {
    if (s.currentValue !== undefined && s.currentValue !== s.startValue) {
      findings.push({
        code: 'SEQUENCE_RESTARTS',
        severity: 'warning',
        object: objectName(s.schemaName, s.sequenceName),
        message: `the sequence has reached ${s.currentValue} and restarts at ${s.startValue} after import; ALTER SEQUENCE ... RESTART WITH a value above ${s.currentValue} after import`,
      });
    }
  }
  return findings;
}

/** Why a table's rows cannot be split into key ranges, or undefined when they can. */
export function singlePartReason(k: ClusteredKeyRow): string | undefined {
  if (k.indexType === undefined) return 'heap (no clustered index)';
  if (k.indexType !== 1) return 'clustered columnstore index (no ordered key)';
  if (k.keyType === undefined) return 'clustered index without a key column';
  if (k.isDescending) return 'the leading clustered key column is descending';
  if (!canSplitOn(k.keyType.toLowerCase())) return `the leading clustered key column has type ${k.keyType}`;
  if (!k.hasStatistics) return 'the clustered index has no statistics (UPDATE STATISTICS to plan key ranges)';
  return undefined;
}
