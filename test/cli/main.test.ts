import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixturePath } from '../helpers/fixtures';
import { editedCopy, makeTempDir, removeTempDir, replaceEntry } from '../bacpac/reader/package-edits';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a user would: `node --import tsx src/cli/main.ts ...` from the repository root. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('CLI', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir();
  });
  after(async () => {
    await removeTempDir(dir);
  });

  test('inspect prints provider, versions, tables with parts and rows, object counts', async () => {
    const run = await cli('inspect', fixturePath('Northwind.bacpac'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Database: +Northwind$/m);
    assert.match(run.stdout, /^Provider: +Sql150 \(model\.xml SchemaVersion 2\.9\)$/m);
    assert.match(run.stdout, /^DacFx: +15\.0\.5282\.3$/m);
    assert.match(run.stdout, /^ZIP: +family F, 21 entries$/m);
    assert.match(run.stdout, /^Rows: +3308 \(Origin\.xml total 3308\)$/m);
    assert.match(run.stdout, /^ +dbo\.Order Details +4 +2155 /m);
    assert.match(run.stdout, /^ +TableData-003-00000\.BCP /m);
    assert.match(run.stdout, /^ +Table +13$/m);
  });

  test('inspect --json prints one JSON document', async () => {
    const run = await cli('inspect', fixturePath('spss-2025-3-30-9-48.bacpac'), '--json');
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      provider: string;
      productVersion: string;
      zipFamily: string;
      rowTotal: number;
      tables: { parts: unknown[] }[];
    };
    assert.equal(report.provider, 'SqlAzureV12');
    assert.equal(report.productVersion, '162.5.57.1');
    assert.equal(report.zipFamily, 'C');
    assert.equal(report.rowTotal, 2183);
    assert.equal(report.tables.length, 34);
    assert.equal(
      report.tables.reduce((n, t) => n + t.parts.length, 0),
      61,
    );
  });

  test('verify on a valid fixture exits 0', async () => {
    const run = await cli('verify', fixturePath('AdventureWorksLT2022.bacpac'));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^VALID: /);
    assert.match(run.stdout, /12 tables \(11 with rows\), 11 data parts, 4277 rows decoded/);
  });

  test('verify --json on a valid fixture prints the report', async () => {
    const run = await cli('verify', '--json', fixturePath('imdb1000.bacpac'));
    assert.equal(run.code, 0);
    const report = JSON.parse(run.stdout) as { ok: boolean; rowsTotal: number; problems: unknown[] };
    assert.deepEqual([report.ok, report.rowsTotal, report.problems], [true, 2499, []]);
  });

  test('verify on a damaged copy exits 1 and names the part', async () => {
    const part = 'Data/dbo.Region/TableData-000-00000.BCP';
    const file = await editedCopy('Northwind.bacpac', dir, 'truncated.bacpac', (e) =>
      replaceEntry(e, part, (d) => d.subarray(0, d.length - 3)),
    );
    const run = await cli('verify', file);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^INVALID: .*: 1 error\(s\), 0 warning\(s\)$/m);
    assert.ok(run.stdout.includes(`error   [VERIFY_BCP_TRUNCATED] part ${part} (dbo.Region)`), run.stdout);
    const json = await cli('verify', file, '--json');
    assert.equal(json.code, 1);
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: { code: string; part: string }[] };
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.problems.map((p) => [p.code, p.part]),
      [['VERIFY_BCP_TRUNCATED', part]],
    );
  });

  test('a file that cannot be opened exits 1 with the reason on stderr', async () => {
    const run = await cli('verify', path.join(dir, 'absent.bacpac'));
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^verify: cannot open .*absent\.bacpac: no such file$/m);
  });

  test('an unknown command exits 2 with the usage on stderr', async () => {
    const run = await cli('frobnicate');
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /"frobnicate" is not a command/);
    assert.match(run.stderr, /^Usage: bacpac-flow <command> \[options\]$/m);
  });

  test('an unknown option or a missing FILE exits 2 with the command usage', async () => {
    const unknown = await cli('verify', '--frob', fixturePath('Northwind.bacpac'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--frob'/);
    assert.match(unknown.stderr, /^Usage: bacpac-flow verify FILE \[--json\]$/m);
    const missing = await cli('inspect');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^inspect: inspect: expected a FILE argument$/m);
    const none = await cli();
    assert.equal(none.code, 2);
  });

  test('--help lists the commands on stdout and exits 0', async () => {
    const run = await cli('--help');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^ +inspect +describe a BACPAC/m);
    assert.match(run.stdout, /^ +verify +check a BACPAC completely/m);
    const command = await cli('verify', '--help');
    assert.equal(command.code, 0);
    assert.match(command.stdout, /^Usage: bacpac-flow verify FILE \[--json\]$/m);
  });
});
