import { NVarChar, Int } from 'mssql';
import type { ConnectionPool } from 'mssql';
import type { Readable } from 'node:stream';
import type {
  ExportSource,
  OpenRowsOptions,
  PartSpec,
  PlanOptions,
  ReadSchemaOptions,
  SourceSchema,
  SourceTable,
} from '../types';
import { buildModel } from './catalog/build-model';
import { columnsSql, readColumnRow } from './catalog/columns';
import {
  CHECK_CONSTRAINTS_SQL,
  FOREIGN_KEYS_SQL,
  readCheckConstraintRow,
  readForeignKeyColumnRow,
} from './catalog/constraints';
import { INDEXES_SQL, readIndexColumnRow } from './catalog/indexes';
import { DEPENDENCIES_SQL, MODULES_SQL, readDependencyRow, readModuleRow } from './catalog/modules';
import type { RawRow } from './catalog/row-fields';
import {
  ALIAS_TYPES_SQL,
  ROW_COUNTS_SQL,
  SCHEMAS_SQL,
  readAliasTypeRow,
  readRowCountRow,
  readSchemaRow,
} from './catalog/schemas-types';
import { SERVER_INFO_SQL, readServerInfo } from './catalog/server-info';
import { toBcpColumn } from './catalog/bcp-column';
import { chooseAuth } from './connection/auth-choice';
import { parseConnectionString } from './connection/connection-string';
import { createSqlConnector } from './connection/connector';
import { DEFAULT_TIMEOUTS } from './connection/driver-config';
import type { EntraIdentity } from './connection/identity';
import type { RetryPolicy } from './connection/retry';
import { DEFAULT_RETRY_POLICY, withRetry } from './connection/retry';
import { ENGINE_EDITION_AZURE_SQL_DATABASE } from './dsp-name';
import { MssqlSourceError, toSourceError } from './errors';
import { histogramToRanges, partsWanted } from './planning/histogram-ranges';
import { canSplitOn, histogramKeyTextExpression, keyLiteral } from './planning/key-literal';
import { histogramSql, keyColumnType, ORDER_KEY_SQL, readOrderKeyColumn } from './planning/key-info';
import type { MssqlKeyRange } from './planning/key-range';
import { isMssqlKeyRange, rangePredicate } from './planning/key-range';
import { missingPermissions, PERMISSIONS_SQL, permissionError } from './preflight/permissions';
import type { UnsupportedObjectRow } from './preflight/findings';
import type { PermissionRow } from './preflight/permissions';
import { preflightFindings, UNSUPPORTED_OBJECTS_SQL } from './preflight/findings';
import { quoteName, quoteTwoPart } from './quote';
import { createRowStream } from './row-stream';
import type { StreamingRequest } from './row-stream';
import { columnReader, rowReader } from './values/column-reader';

export interface MssqlSourceOptions {
  /**
   * ADO.NET connection string (`Server=tcp:x.database.windows.net,1433;Database=db;...`) or
   * `mssql://` URL. With User ID and Password it selects SQL authentication; otherwise it names the
   * server and database and connections use a Microsoft Entra token.
   */
  readonly connectionString: string;
  /** The Entra identity for token authentication (default: DefaultAzureCredential). */
  readonly identity?: EntraIdentity;
  readonly connectTimeoutMs?: number;
  /** Limit for catalog and planning queries; row streams have none (cancel them with a signal). */
  readonly commandTimeoutMs?: number;
  readonly retry?: RetryPolicy;
  /**
   * `none`: read committed; `snapshot`: each part under SNAPSHOT isolation (the database must
   * allow it); `copy`: the connection string names a database copy made with startDatabaseCopy.
   */
  readonly consistency?: 'none' | 'snapshot' | 'copy';
  /** `fail` (default): unsupported objects fail readSchema; `skip`: they are left out and reported. */
  readonly onUnsupported?: 'fail' | 'skip';
  /** Progress and retry messages (never secrets). */
  readonly log?: (message: string) => void;
}

async function rows<T>(
  pool: ConnectionPool,
  sql: string,
  read: (row: RawRow) => T,
  what: string,
  inputs: Record<string, string | number> = {},
): Promise<T[]> {
  try {
    const request = pool.request();
    for (const [name, value] of Object.entries(inputs)) {
      if (typeof value === 'number') request.input(name, Int, value);
      else request.input(name, NVarChar(776), value);
    }
    const result = await request.query<RawRow>(sql);
    return result.recordset.map(read);
  } catch (error) {
    throw toSourceError(error, what);
  }
}

/** The SQL Server / Azure SQL source of the export pipeline. */
export function createMssqlSource(options: MssqlSourceOptions): ExportSource {
  const settings = parseConnectionString(options.connectionString);
  const consistency = options.consistency ?? 'none';
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const log = options.log ?? (() => undefined);
  const connector = createSqlConnector({
    settings,
    auth: chooseAuth(settings, options.identity),
    timeouts: {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
      commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_TIMEOUTS.commandTimeoutMs,
    },
    retry,
    onRetry: log,
  });
  const withPool = <T>(purpose: string, work: (pool: ConnectionPool) => Promise<T>): Promise<T> =>
    withRetry(
      async () => {
        const pool = await connector.connect(purpose);
        try {
          return await work(pool);
        } finally {
          await pool.close().catch(() => undefined);
        }
      },
      retry,
      { onRetry: (e, n, ms) => log(`${purpose}: retry ${n} in ${ms} ms after ${String(e)}`) },
    );

  async function readSchema(readOptions?: ReadSchemaOptions): Promise<SourceSchema> {
    return withPool('reading the schema', async (pool) => {
      const [perms] = await rows(
        pool,
        PERMISSIONS_SQL,
        (r) => r as unknown as PermissionRow,
        'checking permissions',
      );
      const principal =
        (await rows(pool, 'SELECT USER_NAME() AS u;', (r) => String(r.u), 'reading the user name'))[0] ??
        'the login';
      const missing = perms
        ? missingPermissions(perms)
        : ['VIEW DEFINITION', 'SELECT', 'VIEW DATABASE STATE'];
      const [server] = await rows(
        pool,
        SERVER_INFO_SQL,
        readServerInfo,
        'reading server and database properties',
      );
      if (server === undefined)
        throw new MssqlSourceError('SQL_CATALOG', 'sys.databases returned no row for the current database');
      if (missing.length > 0) throw permissionError(server.databaseName, principal, missing);
      if (consistency === 'snapshot' && server.snapshotIsolationState !== 1) {
        throw new MssqlSourceError(
          'SQL_SNAPSHOT_UNAVAILABLE',
          `database [${server.databaseName}] does not allow snapshot isolation (ALTER DATABASE ... SET ALLOW_SNAPSHOT_ISOLATION ON), found snapshot_isolation_state ${server.snapshotIsolationState}`,
        );
      }
      const catalog = {
        server,
        schemas: await rows(pool, SCHEMAS_SQL, readSchemaRow, 'reading schemas'),
        aliasTypes: await rows(pool, ALIAS_TYPES_SQL, readAliasTypeRow, 'reading alias types'),
        columns: await rows(pool, columnsSql(), readColumnRow, 'reading columns'),
        indexes: await rows(pool, INDEXES_SQL, readIndexColumnRow, 'reading indexes'),
        foreignKeys: await rows(pool, FOREIGN_KEYS_SQL, readForeignKeyColumnRow, 'reading foreign keys'),
        checks: await rows(pool, CHECK_CONSTRAINTS_SQL, readCheckConstraintRow, 'reading check constraints'),
        modules: await rows(pool, MODULES_SQL, readModuleRow, 'reading modules'),
        dependencies: await rows(pool, DEPENDENCIES_SQL, readDependencyRow, 'reading dependencies'),
        rowCounts: await rows(pool, ROW_COUNTS_SQL, readRowCountRow, 'reading row counts'),
      };
      const unsupported = await rows(
        pool,
        UNSUPPORTED_OBJECTS_SQL,
        (r) => r as unknown as UnsupportedObjectRow,
        'looking for unsupported objects',
      );
      const findings = preflightFindings({
        ...catalog,
        unsupported,
        targetIsAzure: server.engineEdition === ENGINE_EDITION_AZURE_SQL_DATABASE,
      });
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0 && (options.onUnsupported ?? 'fail') === 'fail') {
        throw new MssqlSourceError(
          'SQL_UNSUPPORTED',
          `database [${server.databaseName}] holds objects a BACPAC cannot carry: ` +
            errors.map((f) => `${f.object} (${f.code}: ${f.message})`).join('; '),
          { findings: errors },
        );
      }
      const excluded = new Set(errors.map((f) => f.object));
      const { model, tables } = buildModel(catalog, {
        excluded,
        ...(readOptions?.tables ? { tables: readOptions.tables } : {}),
      });
      return {
        model,
        tables,
        databaseName: server.databaseName,
        serverVersion: server.serverVersion,
        ...(server.sizeKb !== undefined ? { databaseSizeKb: server.sizeKb } : {}),
        findings: findings.map((f) =>
          f.severity === 'error'
            ? { ...f, severity: 'warning' as const, message: `${f.message} (left out of the export)` }
            : f,
        ),
        consistent: consistency === 'copy',
      };
    });
  }

  async function planParts(table: SourceTable, plan: PlanOptions): Promise<PartSpec[]> {
    const whole: PartSpec[] = [
      { schema: table.schema, table: table.name, segment: 0, estimatedRows: table.estimatedRows },
    ];
    const parts = partsWanted(
      BigInt(table.estimatedRows),
      plan.splitRowThreshold,
      plan.maxPartsPerTable ?? 64,
    );
    if (parts <= 1) return whole;
    const qualified = quoteTwoPart(table.schema, table.name);
    return withPool(`planning ${qualified}`, async (pool) => {
      const key = await rows(pool, ORDER_KEY_SQL, readOrderKeyColumn, `reading the key of ${qualified}`, {
        table: qualified,
      });
      const leading = key[0];
      if (
        leading === undefined ||
        leading.indexType !== 1 ||
        leading.isDescending ||
        !canSplitOn(leading.typeName.toLowerCase())
      )
        return whole;
      const keyType = keyColumnType(leading);
      const steps = await rows(
        pool,
        histogramSql(histogramKeyTextExpression(keyType, 'h.range_high_key')),
        (r) => ({
          upper: typeof r.upperText === 'string' ? keyLiteral(keyType, r.upperText) : null,
          rangeRows: Number(r.rangeRows),
          equalRows: Number(r.equalRows),
        }),
        `reading the statistics histogram of ${qualified}`,
        { table: qualified, statsId: leading.indexId },
      );
      const ranges = histogramToRanges(steps, parts);
      if (ranges.length <= 1) return whole;
      return ranges.map((r, segment): PartSpec => {
        const range: MssqlKeyRange = {
          kind: 'keyRange',
          column: leading.columnName,
          includeNulls: r.includeNulls,
          ...(r.lower !== undefined ? { lower: r.lower } : {}),
          ...(r.upper !== undefined ? { upper: r.upper } : {}),
        };
        return {
          schema: table.schema,
          table: table.name,
          segment,
          estimatedRows: String(r.estimatedRows),
          range,
        };
      });
    });
  }

  function openRows(part: PartSpec, rowOptions?: OpenRowsOptions): Readable {
    const qualified = quoteTwoPart(part.schema, part.table);
    const objectName2 = `${qualified} part ${part.segment}`;
    let convert:
      ((values: readonly unknown[], n: number) => ReturnType<ReturnType<typeof rowReader>>) | undefined;
    return createRowStream(
      () =>
        withRetry(async () => {
          const pool = await connector.connect(`reading ${objectName2}`);
          try {
            const columns = (
              await rows(
                pool,
                columnsSql('t.object_id = OBJECT_ID(@table)'),
                readColumnRow,
                `reading the columns of ${qualified}`,
                { table: qualified },
              )
            ).filter((c) => !c.isComputed);
            if (columns.length === 0)
              throw new MssqlSourceError('SQL_CATALOG', `table ${qualified} was not found or has no columns`);
            const orderKey = await rows(
              pool,
              ORDER_KEY_SQL,
              readOrderKeyColumn,
              `reading the key of ${qualified}`,
              { table: qualified },
            );
            const readers = columns.map((c) => columnReader(toBcpColumn(c)));
            convert = rowReader(readers, qualified);
            const where = isMssqlKeyRange(part.range) ? rangePredicate(part.range) : undefined;
            const orderBy = orderKey
              .map((k) => `${quoteName(k.columnName)}${k.isDescending ? ' DESC' : ''}`)
              .join(', ');
            const sql =
              (consistency === 'snapshot' ? 'SET TRANSACTION ISOLATION LEVEL SNAPSHOT;\n' : '') +
              `SELECT ${readers.flatMap((r) => r.expressions).join(', ')} FROM ${qualified}` +
              (where !== undefined ? ` WHERE ${where}` : '') +
              (orderBy !== '' ? ` ORDER BY ${orderBy}` : '') +
              ';';
            const request = pool.request();
            request.stream = true;
            request.arrayRowMode = true;
            void request.query(sql);
            return { request: request as unknown as StreamingRequest, release: () => pool.close() };
          } catch (error) {
            await pool.close().catch(() => undefined);
            throw error;
          }
        }, retry),
      (values, n) => {
        if (convert === undefined)
          throw new MssqlSourceError('SQL_VALUE', `${objectName2}: row before columns`);
        return convert(values, n);
      },
      { objectName: objectName2, ...(rowOptions?.signal ? { signal: rowOptions.signal } : {}) },
    );
  }

  return { readSchema, planParts, openRows, close: () => Promise.resolve() };
}
