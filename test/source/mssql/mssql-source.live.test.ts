import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionPool } from 'mssql';
import type { BcpColumn, BcpRow } from '../../../src/bacpac/bcp/types';
import type { DatabaseModel, ModelElement } from '../../../src/bacpac/model/types';
import { verifyBacpac } from '../../../src/bacpac/verify';
import { fileSource } from '../../../src/bacpac/zip';
import { runExportLocally } from '../../../src/runner/run-export';
import { createBacpacFileSource } from '../../../src/source/bacpac-file';
import { parseConnectionString } from '../../../src/source/mssql/connection/connection-string';
import { createMssqlSource } from '../../../src/source/mssql/mssql-source';
import type { ExportSource } from '../../../src/source/types';
import { blobNames, downloadToTemp, pipelineSetup } from '../../runner/pipeline-helpers';

/**
 * Live test against a real server (MSSQL_TEST_URL: a connection string or mssql:// URL of a SQL
 * login that may create databases; SQL Server 2019+ or Azure SQL). Creates a scratch database with
 * boundary values and one object of each kind the source exports, reads it through the source,
 * exports it through the real pipeline into Azurite, verifies the BACPAC, decodes its data parts and
 * compares every value with what was inserted, then drops the database in `finally`.
 */
const url = process.env.MSSQL_TEST_URL;
const skip =
  url === undefined || url === '' ? 'MSSQL_TEST_URL is not set: live SQL Server tests skipped' : false;
if (skip) console.log(skip);

const database = `bacpacflow_test_${process.pid}_${Date.now()}`;

const SETUP = `
CREATE TABLE dbo.Types (
  Id int IDENTITY(1,1) NOT NULL CONSTRAINT PK_Types PRIMARY KEY CLUSTERED,
  Big bigint NULL, Dec38 decimal(38,0) NULL, Dec3838 decimal(38,38) NULL, Money money NULL, SmallMoney smallmoney NULL,
  F float NULL, R real NULL, D date NULL, T7 time(7) NULL, DT2 datetime2(7) NULL, DTO datetimeoffset(7) NULL,
  DT datetime NULL, SDT smalldatetime NULL, G uniqueidentifier NULL, VC varchar(10) NULL, NV nvarchar(max) NULL,
  VB varbinary(max) NULL, X xml NULL, H hierarchyid NULL, V sql_variant NULL, Twice AS (Id * 2), RV rowversion NOT NULL
);
INSERT dbo.Types (Big, Dec38, Dec3838, Money, SmallMoney, F, R, D, T7, DT2, DTO, DT, SDT, G, VC, NV, VB, X, H, V) VALUES
 (9223372036854775807, 99999999999999999999999999999999999999, 0.99999999999999999999999999999999999999,
  922337203685477.5807, -214748.3648, 1.7976931348623157E308, 3.4028234E38, '0001-01-01', '23:59:59.9999999',
  '9999-12-31 23:59:59.9999999', '2003-02-01 11:22:33.1234567 +04:55', '1753-01-01 00:00:00.000', '2079-06-06 23:59',
  '12345678-ABCD-EF12-1234-FEDCBA987654', '', N'a' + NCHAR(0xD83D) + NCHAR(0xDE00) + REPLICATE(CAST(N'x' AS nvarchar(max)), 100000),
  0x, N'<a>1</a>', hierarchyid::GetRoot(), CAST(N'var' AS sql_variant)),
 (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE dbo.Parent (Id int NOT NULL PRIMARY KEY, Code nvarchar(10) NOT NULL DEFAULT N'x' CHECK (Code <> N''));
INSERT dbo.Parent (Id) VALUES (1), (2);
CREATE TABLE dbo.Child (Id int NOT NULL CONSTRAINT PK_Child PRIMARY KEY, ParentId int NOT NULL REFERENCES dbo.Parent (Id));
INSERT dbo.Child VALUES (10, 1);
CREATE SEQUENCE dbo.OrderNumbers AS bigint START WITH 100 INCREMENT BY 5;
CREATE TYPE dbo.IdList AS TABLE (Id int NOT NULL PRIMARY KEY, Note nvarchar(20) NULL DEFAULT N'n');
CREATE XML SCHEMA COLLECTION dbo.NoteSchema AS N'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="note" type="xsd:string"/></xsd:schema>';
CREATE SYNONYM dbo.Kids FOR dbo.Child;
CREATE ROLE app_reader;
CREATE USER batch WITHOUT LOGIN;
ALTER ROLE app_reader ADD MEMBER batch;
GRANT SELECT ON dbo.Parent TO app_reader;
EXEC sys.sp_addextendedproperty N'MS_Description', N'Parent rows', N'SCHEMA', N'dbo', N'TABLE', N'Parent';
EXEC('CREATE VIEW dbo.V1 AS SELECT Id FROM dbo.Types');
EXEC('CREATE VIEW dbo.V2 AS SELECT Id FROM dbo.V1');
EXEC('CREATE PROCEDURE dbo.P1 @a AS int = 1 AS SELECT * FROM dbo.V2 WHERE Id = @a');
EXEC('CREATE PROCEDURE dbo.P2 @a int, @b int = 5 OUTPUT AS SET @b = @a');
EXEC('CREATE FUNCTION dbo.Twice(@x int = 2) RETURNS int AS BEGIN RETURN @x * 2 END');`;

const byName = (columns: readonly BcpColumn[], r: BcpRow, name: string): unknown =>
  r[columns.findIndex((c) => c.name === name)];

/** Every value inserted into dbo.Types, checked on rows read from the server or decoded from the BACPAC. */
function assertTypesRows(columns: readonly BcpColumn[], rows: readonly BcpRow[], where: string): void {
  assert.ok(!columns.some((c) => c.name === 'Twice'), `${where}: computed column left out`);
  assert.equal(rows.length, 2, where);
  const [first, second] = rows as [BcpRow, BcpRow];
  const v = (name: string): unknown => byName(columns, first, name);
  assert.equal(v('Big'), 9223372036854775807n, where);
  assert.equal(v('Dec38'), '99999999999999999999999999999999999999', where);
  assert.equal(v('Dec3838'), '0.99999999999999999999999999999999999999', where);
  assert.equal(v('Money'), '922337203685477.5807', where);
  assert.equal(v('SmallMoney'), '-214748.3648', where);
  assert.equal(v('F'), 1.7976931348623157e308, where);
  assert.equal(v('R'), Math.fround(3.4028234e38), where);
  assert.equal(v('D'), '0001-01-01', where);
  assert.equal(v('T7'), '23:59:59.9999999', where);
  assert.equal(v('DT2'), '9999-12-31 23:59:59.9999999', where);
  assert.equal(v('DTO'), '2003-02-01 11:22:33.1234567 +04:55', where);
  assert.equal(v('DT'), '1753-01-01 00:00:00.000', where);
  assert.equal(v('SDT'), '2079-06-06 23:59:00', where);
  assert.equal(String(v('G')).toUpperCase(), '12345678-ABCD-EF12-1234-FEDCBA987654', where);
  assert.equal(v('VC'), '', where);
  assert.equal((v('NV') as string).length, 100003, where);
  assert.ok((v('NV') as string).startsWith('a😀x'), where);
  assert.deepEqual(Buffer.from(v('VB') as Uint8Array), Buffer.alloc(0), where);
  assert.equal(v('X'), '<a>1</a>', where);
  assert.deepEqual(Buffer.from(v('H') as Uint8Array), Buffer.alloc(0), where);
  const variant = v('V') as { baseType: string; value: unknown };
  assert.equal(variant.baseType, 'nvarchar', where);
  assert.equal(variant.value, 'var', where);
  for (const c of columns) {
    if (c.name === 'Id' || c.name === 'RV') continue;
    assert.equal(byName(columns, second, c.name), null, `${where}: ${c.name} NULL`);
  }
}

async function readAll(
  source: ExportSource,
  schema: string,
  name: string,
): Promise<{ columns: readonly BcpColumn[]; rows: BcpRow[] }> {
  const table = (await source.readSchema()).tables.find((t) => t.schema === schema && t.name === name);
  assert.ok(table, `${schema}.${name} is exported`);
  const rows: BcpRow[] = [];
  for (const part of await source.planParts(table, { splitRowThreshold: 1_000_000 })) {
    for await (const row of source.openRows(part)) rows.push(row as BcpRow);
  }
  return { columns: table.columns, rows };
}

function element(model: DatabaseModel, type: string, name?: string, marker?: string): ModelElement {
  const found = model.elements.find(
    (e) => e.type === type && e.name === name && (marker === undefined || JSON.stringify(e).includes(marker)),
  );
  assert.ok(found, `${type} ${name ?? marker ?? ''} is in the model`);
  return found;
}

/** The objects of the scratch database as the exported model must carry them. */
function assertModel(model: DatabaseModel): void {
  const inline = (e: ModelElement) => e.annotations?.find((a) => a.type === 'SqlInlineConstraintAnnotation');
  const df = element(model, 'SqlDefaultConstraint', undefined, '[dbo].[Parent].[Code]');
  assert.match(inline(df)?.name ?? '', /^\[dbo\]\.\[DF__Parent__Code__/);
  assert.ok(inline(element(model, 'SqlCheckConstraint', undefined, '[dbo].[Parent]')));
  assert.ok(inline(element(model, 'SqlPrimaryKeyConstraint', undefined, '[dbo].[Parent]')));
  assert.ok(inline(element(model, 'SqlForeignKeyConstraint', undefined, '[dbo].[Child]')));
  element(model, 'SqlPrimaryKeyConstraint', '[dbo].[PK_Child]');
  const parent = element(model, 'SqlTable', '[dbo].[Parent]');
  assert.equal(
    parent.annotations?.filter((a) => a.type === 'AttachedAnnotation').length,
    2,
    'PK and check attach to the table',
  );
  assert.deepEqual(element(model, 'SqlView', '[dbo].[V2]').relationships, {
    QueryDependencies: [{ name: '[dbo].[V1]' }],
    Schema: { externalSource: 'BuiltIns', name: '[dbo]' },
  });
  const sequence = element(model, 'SqlSequence', '[dbo].[OrderNumbers]');
  assert.deepEqual((sequence.properties as { StartValue?: unknown }).StartValue, { text: '100' });
  element(model, 'SqlTableType', '[dbo].[IdList]');
  element(model, 'SqlXmlSchemaCollection', '[dbo].[NoteSchema]');
  const synonym = element(model, 'SqlSynonym', '[dbo].[Kids]');
  assert.deepEqual((synonym.relationships as { ForObject?: unknown }).ForObject, { name: '[dbo].[Child]' });
  element(model, 'SqlRole', '[app_reader]');
  element(model, 'SqlUser', '[batch]');
  element(model, 'SqlRoleMembership', undefined, '[app_reader]');
  element(model, 'SqlPermissionStatement', '[Grant.Select.Object].[app_reader].[dbo].[dbo].[Parent]');
  element(model, 'SqlPermissionStatement', '[Grant.Connect.Database].[batch].[dbo]');
  assert.equal(model.databaseOptions.disambiguator, 1);
  const property = element(model, 'SqlExtendedProperty', '[SqlTableBase].[dbo].[Parent].[MS_Description]');
  assert.deepEqual(property.properties, { Value: { text: "N'Parent rows'" } });
  const twice = JSON.stringify(element(model, 'SqlScalarFunction', '[dbo].[Twice]'));
  assert.match(
    twice,
    /"name":"\[dbo\]\.\[Twice\]\.\[@x\]","properties":\{"DefaultExpressionScript":\{"text":"2"/,
  );
  const p2 = JSON.stringify(element(model, 'SqlProcedure', '[dbo].[P2]'));
  assert.match(
    p2,
    /"name":"\[dbo\]\.\[P2\]\.\[@b\]","properties":\{"IsOutput":true,"DefaultExpressionScript":\{"text":"5"/,
  );
}

test(
  'a scratch database read through the source and exported through the pipeline keeps every value and object',
  { skip },
  async (t) => {
    const settings = parseConnectionString(url as string);
    const adminConfig = {
      server: settings.server,
      ...(settings.port !== undefined ? { port: settings.port } : {}),
      user: settings.user ?? '',
      password: settings.password ?? '',
      database: 'master',
      options: {
        encrypt: settings.encrypt !== false,
        trustServerCertificate: settings.trustServerCertificate,
      },
    };
    const admin = new ConnectionPool(adminConfig);
    await admin.connect();
    try {
      await admin.request().batch(`CREATE DATABASE [${database}];`);
      const db = new ConnectionPool({ ...adminConfig, database });
      await db.connect();
      try {
        await db.request().batch(SETUP);
      } finally {
        await db.close();
      }
      const connectionString = `Server=tcp:${settings.server},${settings.port ?? 1433};Database=${database};User ID=${settings.user ?? ''};Password="${(settings.password ?? '').replace(/"/g, '""')}";Encrypt=${settings.encrypt !== false};TrustServerCertificate=${settings.trustServerCertificate}`;
      const open = () => createMssqlSource({ connectionString });

      const direct = open();
      const schema = await direct.readSchema();
      assert.deepEqual(
        schema.findings.filter((f) => f.severity === 'error'),
        [],
      );
      assertModel(schema.model);
      const types = await readAll(direct, 'dbo', 'Types');
      assertTypesRows(types.columns, types.rows, 'read from the server');
      await direct.close();

      const setup = await pipelineSetup(t, open);
      const request = setup.request('live.bacpac');
      const result = await runExportLocally(request, setup.env, { runId: 'live-1' });
      assert.deepEqual(await blobNames(setup.staging), [], 'no staging blobs are left');
      const file = await downloadToTemp(t, setup.targets, request.target.blobName);
      const zip = await fileSource(file);
      const report = await verifyBacpac(zip);
      await zip.close?.();
      assert.deepEqual(
        report.problems.filter((p) => p.severity === 'error'),
        [],
      );
      assert.equal(report.ok, true);
      assert.equal(String(report.rowsTotal), result.rows);
      assert.equal(result.rows, '5', 'Types 2 + Parent 2 + Child 1');

      const exported = createBacpacFileSource(file);
      assertModel((await exported.readSchema()).model);
      const back = await readAll(exported, 'dbo', 'Types');
      assertTypesRows(back.columns, back.rows, 'decoded from the BACPAC');
      const parentRows = await readAll(exported, 'dbo', 'Parent');
      assert.deepEqual(parentRows.rows, [
        [1, 'x'],
        [2, 'x'],
      ]);
      const childRows = await readAll(exported, 'dbo', 'Child');
      assert.deepEqual(childRows.rows, [[10, 1]]);
      await exported.close();
    } finally {
      await admin
        .request()
        .batch(
          // Azure SQL Database (engine edition 5) has no SINGLE_USER; elsewhere it closes open sessions first.
          `IF DB_ID(N'${database}') IS NOT NULL BEGIN IF CAST(SERVERPROPERTY('EngineEdition') AS int) <> 5 EXEC(N'ALTER DATABASE [${database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE'); DROP DATABASE [${database}]; END`,
        )
        .catch(() => undefined);
      await admin.close();
    }
  },
);
