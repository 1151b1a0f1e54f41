import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choosePlatform } from '../../../src/source/mssql/dsp-name';

test('Azure SQL Database (engine edition 5) is SqlAzureV12 whatever the version it reports', () => {
  assert.equal(choosePlatform(5, 12), 'SqlAzureV12');
});

test('SQL Server editions follow the major version', () => {
  assert.equal(choosePlatform(3, 13), 'Sql130');
  assert.equal(choosePlatform(2, 14), 'Sql140');
  assert.equal(choosePlatform(3, 15), 'Sql150');
  assert.equal(choosePlatform(4, 16), 'Sql160');
  assert.equal(choosePlatform(3, 17), 'Sql170');
});

test('versions outside the known range are clamped', () => {
  assert.equal(choosePlatform(3, 11), 'Sql130');
  assert.equal(choosePlatform(3, 19), 'Sql170');
});

test('Managed Instance reporting version 12 is Sql160; newer reports follow the version', () => {
  assert.equal(choosePlatform(8, 12), 'Sql160');
  assert.equal(choosePlatform(8, 17), 'Sql170');
});
