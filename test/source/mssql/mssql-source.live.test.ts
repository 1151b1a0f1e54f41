import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionPool } from 'mssql';
import type { BcpRow } from '../../../src/bacpac/bcp/types';
import { parseConnectionString } from '../../../src/source/mssql/connection/connection-string';
import { createMssqlSource } from '../../../src/source/mssql/mssql-source';

/**
 * Live test against a real server (MSSQL_TEST_URL: a connection string or mssql:// URL of a login
 * that may create databases). Creates a scratch database with boundary values, reads it back through
 * the source, compares every value, and drops the database in `finally`. Exporting through the full
 * pipeline and running verify is the next step once the pipeline exists.
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
  VB varbinary(max) NULL, X xml NULL, H hierarchyid NULL, V sql_variant NULL, Twice AS (Dec38 * 2), RV rowversion NOT NULL
);
INSERT dbo.Types (Big, Dec38, Dec3838, Money, SmallMoney, F, R, D, T7, DT2, DTO, DT, SDT, G, VC, NV, VB, X, H, V) VALUES
 (9223372036854775807, 99999999999999999999999999999999999999, 0.99999999999999999999999999999999999999,
  922337203685477.5807, -214748.3648, 1.7976931348623157E308, 3.4028235E38, '0001-01-01', '23:59:59.9999999',
  '9999-12-31 23:59:59.9999999', '2003-02-01 11:22:33.1234567 +04:55', '1753-01-01 00:00:00.000', '2079-06-06 23:59',
  '12345678-ABCD-EF12-1234-FEDCBA987654', '', N'a' + NCHAR(0xD83D) + NCHAR(0xDE00) + REPLICATE(CAST(N'x' AS nvarchar(max)), 100000),
  0x, N'<a>1</a>', hierarchyid::GetRoot(), CAST(N'var' AS sql_variant)),
 (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
EXEC('CREATE VIEW dbo.V1 AS SELECT Id FROM dbo.Types');
EXEC('CREATE VIEW dbo.V2 AS SELECT Id FROM dbo.V1');
EXEC('CREATE PROCEDURE dbo.P1 @a AS int = 1 AS SELECT * FROM dbo.V2 WHERE Id = @a');`;

test('reads schema and every value of a scratch database', { skip }, async () => {
  const settings = parseConnectionString(url as string);
  const adminConfig = {
    server: settings.server,
    ...(settings.port !== undefined ? { port: settings.port } : {}),
    user: settings.user ?? '',
    password: settings.password ?? '',
    database: 'master',
    options: { encrypt: settings.encrypt !== false, trustServerCertificate: settings.trustServerCertificate },
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
    const source = createMssqlSource({ connectionString, onUnsupported: 'skip' });
    const schema = await source.readSchema();
    const table = schema.tables.find((t) => t.name === 'Types');
    assert.ok(table);
    assert.ok(!table.columns.some((c) => c.name === 'Twice'), 'computed column left out');
    const view = schema.model.elements.find((e) => e.name === '[dbo].[V2]');
    assert.ok(view && view.type === 'SqlView');
    assert.deepEqual(view.relationships.QueryDependencies, [{ name: '[dbo].[V1]' }]);
    const [part] = await source.planParts(table, { splitRowThreshold: 1_000_000 });
    assert.ok(part);
    const rows: BcpRow[] = [];
    for await (const row of source.openRows(part)) rows.push(row as BcpRow);
    assert.equal(rows.length, 2);
    const [first, second] = rows as [BcpRow, BcpRow];
    const byName = (r: BcpRow, name: string): unknown => r[table.columns.findIndex((c) => c.name === name)];
    assert.equal(byName(first, 'Big'), 9223372036854775807n);
    assert.equal(byName(first, 'Dec38'), '99999999999999999999999999999999999999');
    assert.equal(byName(first, 'Dec3838'), '0.99999999999999999999999999999999999999');
    assert.equal(byName(first, 'Money'), '922337203685477.5807');
    assert.equal(byName(first, 'SmallMoney'), '-214748.3648');
    assert.equal(byName(first, 'F'), 1.7976931348623157e308);
    assert.equal(byName(first, 'R'), Math.fround(3.4028235e38));
    assert.equal(byName(first, 'D'), '0001-01-01');
    assert.equal(byName(first, 'T7'), '23:59:59.9999999');
    assert.equal(byName(first, 'DT2'), '9999-12-31 23:59:59.9999999');
    assert.equal(byName(first, 'DTO'), '2003-02-01 11:22:33.1234567 +04:55');
    assert.equal(byName(first, 'DT'), '1753-01-01 00:00:00.000');
    assert.equal(byName(first, 'SDT'), '2079-06-06 23:59:00');
    assert.equal(byName(first, 'G'), '12345678-ABCD-EF12-1234-FEDCBA987654');
    assert.equal(byName(first, 'VC'), '');
    assert.equal((byName(first, 'NV') as string).length, 100003);
    assert.ok((byName(first, 'NV') as string).startsWith('a😀x'));
    assert.deepEqual(byName(first, 'VB'), Buffer.alloc(0));
    assert.equal(byName(first, 'X'), '<a>1</a>');
    assert.deepEqual(byName(first, 'H'), Buffer.alloc(0));
    assert.deepEqual(byName(first, 'V'), {
      kind: 'sql_variant',
      baseType: 'nvarchar',
      value: 'var',
      maxLength: 6,
      collation: (byName(first, 'V') as { collation: Buffer }).collation,
    });
    for (const c of table.columns) {
      if (c.name === 'Id' || c.name === 'RV') continue;
      assert.equal(byName(second, c.name), null, `${c.name} NULL`);
    }
    await source.close();
  } finally {
    await admin
      .request()
      .batch(
        `IF DB_ID(N'${database}') IS NOT NULL BEGIN ALTER DATABASE [${database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [${database}]; END`,
      )
      .catch(() => undefined);
    await admin.close();
  }
});
