import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSyntheticSource } from '../../../src/source/synthetic';

/** createSyntheticSource options and what readSchema reports about the "server". */
describe('synthetic source options and server facts', () => {
  test('bad options are refused with SYNTHETIC_OPTIONS naming the option', () => {
    assert.throws(
      () => createSyntheticSource({ seed: 1.5 }),
      /^SyntheticSourceError: \[SYNTHETIC_OPTIONS\] synthetic source option seed: expected a safe integer, found 1.5$/,
    );
    assert.throws(
      () => createSyntheticSource({ scale: 0 }),
      /option scale: expected a positive number up to 1000000, found 0/,
    );
    assert.throws(() => createSyntheticSource({ scale: Number.NaN }), /option scale/);
    assert.throws(
      () => createSyntheticSource({ scale: 2_000_000 }),
      /option scale: expected a positive number up to 1000000/,
    );
    assert.throws(() => createSyntheticSource({ profile: 'huge' as never }), /option profile/);
    assert.throws(() => createSyntheticSource({ profile: 'bench', targetBytes: -1 }), /option targetBytes/);
  });

  test('scale multiplies the row counts', async () => {
    const rows = async (scale: number) =>
      (await createSyntheticSource({ scale }).readSchema()).tables.map((t) => Number(t.estimatedRows));
    assert.deepEqual(await rows(1), [500, 3000, 200, 50]);
    assert.deepEqual(await rows(2), [1000, 6000, 400, 100]);
    assert.deepEqual(await rows(0.001), [1, 3, 5, 5]);
  });

  test('database name, a SQL Server 2022 @@VERSION text, size and findings', async () => {
    const schema = await createSyntheticSource().readSchema();
    assert.equal(schema.databaseName, 'BacpacFlowDemo');
    assert.match(
      schema.serverVersion,
      /^Microsoft SQL Server 2022 \(RTM\) - 16\.0\.1000\.6 \(X64\) \n\tOct {2}8 2022 05:58:25 \n\tCopyright \(C\) 2022 Microsoft Corporation\n\t.*Edition \(64-bit\) on /,
    );
    assert.deepEqual(schema.findings, []);
    assert.equal(schema.consistent, true);
    const dataBytes = schema.tables.reduce((sum, t) => sum + BigInt(t.estimatedBytes), 0n);
    assert.match(schema.databaseSizeKb ?? '', /^\d+$/);
    assert.ok(BigInt(schema.databaseSizeKb ?? '0') * 1024n > dataBytes);
  });

  test('close resolves', async () => {
    await createSyntheticSource().close();
  });
});
