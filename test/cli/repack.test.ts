/**
 * `repack IN OUT` re-exports a BACPAC through the export pipeline's source interface and writer.
 * For every real fixture: the BCP parts come out byte-identical, model.xml is equal under the
 * documented canonical comparison (src/bacpac/model/canonical-compare.ts: same elements in the same
 * order with the same properties, relationships and annotations; BOM, CRLF/LF and CDATA splitting
 * aside), Origin.xml carries the SHA-256 of the stored model.xml, and the result passes verify.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { compareModelXml } from '../../src/bacpac/model/canonical-compare';
import { runCli } from '../../src/cli/run-cli';
import { fixturePath, listFixtures, readFixtureEntries } from '../helpers/fixtures';
import { editedCopy, replaceModel } from '../bacpac/reader/package-edits';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(args, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('repack', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bacpac-flow-repack-'));
  test.after(() => rmSync(dir, { recursive: true, force: true }));

  for (const fixture of listFixtures()) {
    test(`${fixture}: same BCP bytes, canonically equal model.xml, correct checksum, verifies`, async () => {
      const out = path.join(dir, fixture);
      const repack = await cli(['repack', fixturePath(fixture), out, '--json']);
      assert.equal(repack.code, 0, repack.stderr);
      const summary = JSON.parse(repack.stdout) as { rows: string };

      const verify = await cli(['verify', out, '--json']);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      const report = JSON.parse(verify.stdout) as {
        ok: boolean;
        rowsTotal: number;
        modelChecksumOk: boolean;
      };
      assert.equal(report.ok, true);
      assert.equal(report.modelChecksumOk, true);
      assert.equal(String(report.rowsTotal), summary.rows);

      const original = await readFixtureEntries(fixture);
      const copy = await readFixtureEntries(out);
      const data = (m: Map<string, Buffer>): string[] =>
        [...m.keys()].filter((n) => n.startsWith('Data/')).sort();
      assert.deepEqual(data(copy), data(original));
      for (const name of data(original))
        assert.ok(copy.get(name)!.equals(original.get(name)!), `${name} differs`);

      const model = copy.get('model.xml')!;
      const comparison = await compareModelXml(original.get('model.xml')!, model);
      assert.equal(comparison.equal, true, JSON.stringify(comparison.firstDifference));
      const checksum = createHash('sha256').update(model).digest('hex').toUpperCase();
      assert.match(
        copy.get('Origin.xml')!.toString('utf8'),
        new RegExp(`<Checksum Uri="/model.xml">${checksum}</Checksum>`),
      );
    });
  }

  test('keeps model.xml parts it does not model: the repacked model holds them, in place', async () => {
    const source = path.join(dir, 'unmodelled-in.bacpac');
    const policy =
      '\t\t<Element Type="SqlSecurityPolicy" Name="[dbo].[Bz]">\r\n' +
      '\t\t\t<Property Name="IsEnabled" Value="True" />\r\n' +
      '\t\t</Element>\r\n';
    const anchor = '\t\t<Element Type="SqlTable" Name="[dbo].[Categories]">';
    await editedCopy('Northwind.bacpac', dir, 'unmodelled-in.bacpac', (entries) =>
      replaceModel(entries, (model) => model.replace(anchor, policy + anchor)),
    );
    const out = path.join(dir, 'unmodelled-out.bacpac');
    const repack = await cli(['repack', source, out]);
    assert.equal(repack.code, 0, repack.stderr);
    const model = (await readFixtureEntries(out)).get('model.xml')!.toString('utf8');
    assert.ok(model.includes(policy + anchor), 'the policy is written back before [dbo].[Categories]');
    assert.match(
      (await readFixtureEntries(out)).get('Origin.xml')!.toString('utf8'),
      /<SecurityPolicy>1<\/SecurityPolicy>/,
    );
    const verify = await cli(['verify', out, '--json']);
    assert.equal(verify.code, 0, verify.stdout);
  });

  test('refuses to replace an existing file unless --overwrite, and leaves it intact', async () => {
    const out = path.join(dir, 'existing.bacpac');
    writeFileSync(out, 'keep');
    const refused = await cli(['repack', fixturePath('devops-module12-database.bacpac'), out]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\[TARGET_EXISTS\]/);
    const replaced = await cli([
      'repack',
      fixturePath('devops-module12-database.bacpac'),
      out,
      '--overwrite',
      '--json',
    ]);
    assert.equal(replaced.code, 0, replaced.stderr);
  });

  test('usage errors exit 2', async () => {
    const result = await cli(['repack', fixturePath('Northwind.bacpac')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /expected IN and OUT/);
  });
});

describe('export', () => {
  test('without a connection string or an identity it exits 2 and names MSSQL_CONNECTION_STRING', async () => {
    const saved = process.env.MSSQL_CONNECTION_STRING;
    delete process.env.MSSQL_CONNECTION_STRING;
    try {
      const result = await cli(['export', '--out', path.join(os.tmpdir(), 'never.bacpac')]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /MSSQL_CONNECTION_STRING/);
    } finally {
      if (saved !== undefined) process.env.MSSQL_CONNECTION_STRING = saved;
    }
  });

  test('rejects an output blob URL that carries a SAS token', async () => {
    const result = await cli([
      'export',
      '--out',
      'https://a.blob.core.windows.net/c/x.bacpac?sig=secret',
      '--server',
      's',
      '--database',
      'd',
      '--identity',
      'managed',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /without a SAS token/);
    assert.doesNotMatch(result.stderr, /secret/);
  });
});
