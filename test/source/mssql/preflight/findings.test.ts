import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readModuleRow } from '../../../../src/source/mssql/catalog/modules';
import { readSequenceRow, readSynonymRow } from '../../../../src/source/mssql/catalog/sequences-synonyms';
import { readClusteredKeyRow } from '../../../../src/source/mssql/preflight/clustered-keys';
import { preflightFindings, singlePartReason } from '../../../../src/source/mssql/preflight/findings';
import { missingPermissions, permissionError } from '../../../../src/source/mssql/preflight/permissions';
import { columnRow } from '../catalog-rows';

const key = (over: Record<string, unknown>) =>
  readClusteredKeyRow({
    schemaName: 'dbo',
    tableName: 'T',
    indexType: 1,
    keyType: 'int',
    isDescending: false,
    hasStatistics: 1,
    ...over,
  });

test('a table is exported as one part when its clustered key cannot be split on statistics', () => {
  assert.equal(singlePartReason(key({})), undefined);
  assert.equal(singlePartReason(key({ indexType: null, keyType: null })), 'heap (no clustered index)');
  assert.match(singlePartReason(key({ indexType: 5, keyType: null })) ?? '', /columnstore/);
  assert.match(singlePartReason(key({ isDescending: true })) ?? '', /descending/);
  assert.match(singlePartReason(key({ keyType: 'sql_variant' })) ?? '', /type sql_variant/);
  assert.match(singlePartReason(key({ hasStatistics: 0 })) ?? '', /no statistics/);
});

test('pre-flight: unsupported objects are errors, care points are warnings, empty tables need no parts', () => {
  const findings = preflightFindings({
    unsupported: [
      { code: 'EXTERNAL_TABLE', schemaName: 'dbo', objectName: 'Remote' },
      { code: 'WINDOWS_USER', objectName: 'CONTOSO\\ann' },
    ],
    columns: [
      columnRow({
        tableName: 'Files',
        columnName: 'Doc',
        typeName: 'varbinary',
        baseTypeName: 'varbinary',
        maxLength: -1,
        isFileStream: true,
      }),
    ],
    modules: [
      readModuleRow({
        objectId: 1,
        schemaName: 'dbo',
        objectName: 'Secret',
        objectType: 'P',
        definition: null,
        isEncrypted: 1,
      }),
      readModuleRow({
        objectId: 2,
        schemaName: 'dbo',
        objectName: 'Far',
        objectType: 'V',
        definition: 'CREATE VIEW dbo.Far AS SELECT 1 AS x',
      }),
    ],
    dependencies: [{ referencingId: 2, databaseName: 'Other', schemaName: 'dbo', entityName: 'T' }],
    rowCounts: [
      {
        schemaName: 'dbo',
        tableName: 'Heap',
        rowCount: '10',
        reservedBytes: '8192',
        hasClusteredIndex: false,
      },
      { schemaName: 'dbo', tableName: 'Empty', rowCount: '0', reservedBytes: '0', hasClusteredIndex: false },
    ],
    clusteredKeys: [
      key({ tableName: 'Heap', indexType: null, keyType: null }),
      key({ tableName: 'Empty', indexType: null, keyType: null }),
    ],
    sequences: [
      readSequenceRow({
        schemaName: 'dbo',
        sequenceName: 'Seq',
        typeName: 'int',
        typeSchema: 'sys',
        isAliasType: 0,
        baseTypeName: 'int',
        maxLength: 4,
        precision: 10,
        scale: 0,
        startValue: '1',
        incrementValue: '1',
        minValue: '-2147483648',
        maxValue: '2147483647',
        currentValue: '41',
        isCycling: 0,
        isCached: 1,
        cacheSize: null,
        isExhausted: 0,
      }),
    ],
    synonyms: [
      readSynonymRow({
        schemaName: 'dbo',
        synonymName: 'Elsewhere',
        baseObjectName: '[Other].[dbo].[T]',
        baseDatabase: 'Other',
        baseSchema: 'dbo',
        baseName: 'T',
      }),
    ],
    targetIsAzure: true,
  });
  assert.deepEqual(
    findings.map((f) => `${f.severity} ${f.code} ${f.object}`),
    [
      'error EXTERNAL_TABLE [dbo].[Remote]',
      'error WINDOWS_USER [CONTOSO\\ann]',
      'error FILESTREAM_COLUMN [dbo].[Files]',
      'error CROSS_DATABASE_REFERENCE [dbo].[Far]',
      'error ENCRYPTED_MODULE [dbo].[Secret]',
      'warning SINGLE_PART [dbo].[Heap]',
      'error CROSS_DATABASE_REFERENCE [dbo].[Elsewhere]',
      'warning SEQUENCE_RESTARTS [dbo].[Seq]',
    ],
  );
  assert.match(findings[3]?.message ?? '', /references Other\.dbo\.T, outside the database/);
});

test('missing permissions are named with the GRANT that fixes them', () => {
  assert.deepEqual(missingPermissions({ viewDefinition: 1, selectData: 1, viewDatabaseState: 1 }), []);
  const missing = missingPermissions({ viewDefinition: 0, selectData: null, viewDatabaseState: 1 });
  assert.deepEqual(missing, ['VIEW DEFINITION', 'SELECT']);
  const error = permissionError('shop', 'exporter', missing);
  assert.equal(
    error.message,
    '[SQL_PERMISSION] exporter lacks VIEW DEFINITION, SELECT on database [shop]; grant with: GRANT VIEW DEFINITION TO [exporter]; GRANT SELECT TO [exporter];',
  );
});
