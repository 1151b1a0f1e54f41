import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyBacpac, type VerifyProblem, type VerifyReport } from '../../../src/bacpac/verify';
import { fileSource, openZip } from '../../../src/bacpac/zip';
import { fixturePath } from '../../helpers/fixtures';
import {
  editedCopy,
  fixtureEntries,
  makeTempDir,
  removeEntry,
  removeTempDir,
  replaceEntry,
  replaceModel,
  writeTestZip,
} from '../reader/package-edits';

/**
 * Damaged copies of real fixtures, each named after the problem code verify must report. Every
 * problem must name the part concerned.
 */
const REGION = 'Data/dbo.Region/TableData-000-00000.BCP';
const ORDER_DETAILS_2 = 'Data/dbo.Order%20Details/TableData-002-00000.BCP';
const DEMO = 'Data/dbo.DemoTable/TableData-000-00000.BCP';

async function verifyFile(file: string): Promise<VerifyReport> {
  const source = await fileSource(file);
  try {
    return await verifyBacpac(source);
  } finally {
    await source.close?.();
  }
}

function errors(report: VerifyReport): VerifyProblem[] {
  return report.problems.filter((p) => p.severity === 'error');
}

function only(report: VerifyReport, code: string): VerifyProblem {
  assert.equal(report.ok, false);
  const found = errors(report);
  assert.deepEqual(
    found.map((p) => p.code),
    [code],
    JSON.stringify(report.problems, null, 2),
  );
  return found[0]!;
}

describe('verifyBacpac on damaged copies', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir();
  });
  after(async () => {
    await removeTempDir(dir);
  });

  test('VERIFY_BCP_TRUNCATED: a data part re-zipped without its last 3 bytes', async () => {
    const file = await editedCopy('Northwind.bacpac', dir, 'truncated.bacpac', (e) =>
      replaceEntry(e, REGION, (d) => d.subarray(0, d.length - 3)),
    );
    const report = await verifyFile(file);
    const problem = only(report, 'VERIFY_BCP_TRUNCATED');
    assert.equal(problem.part, REGION);
    assert.equal(problem.table, 'dbo.Region');
    assert.match(
      problem.message,
      /part Data\/dbo\.Region\/TableData-000-00000\.BCP \(dbo\.Region\): the data ends inside row 4/,
    );
    const region = report.tables.find((t) => t.name === 'Region');
    assert.deepEqual(
      region?.parts.map((p) => [p.rows, p.ok]),
      [[3, false]],
    );
    assert.ok(
      !report.problems.some((p) => p.code === 'VERIFY_ROW_TOTAL_MISMATCH'),
      'no total comparison when a part could not be decoded',
    );
  });

  test('VERIFY_BCP_TRAILING_BYTES: 8 bytes appended to a data part', async () => {
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'trailing.bacpac', (e) =>
      replaceEntry(e, DEMO, (d) => Buffer.concat([d, Buffer.from('abcdef123456789a', 'hex')])),
    );
    const problem = only(await verifyFile(file), 'VERIFY_BCP_TRAILING_BYTES');
    assert.equal(problem.part, DEMO);
    assert.match(
      problem.message,
      /part Data\/dbo\.DemoTable\/TableData-000-00000\.BCP \(dbo\.DemoTable\): 1 rows decode cleanly up to byte 44 of 52/,
    );
  });

  test('VERIFY_CHECKSUM_MISMATCH: model.xml changed (one more line break) without updating Origin.xml', async () => {
    const file = await editedCopy('imdb1000.bacpac', dir, 'checksum.bacpac', (e) =>
      replaceEntry(e, 'model.xml', (d) => Buffer.from(d.toString('utf8').replace('\n', '\n\n'), 'utf8')),
    );
    const report = await verifyFile(file);
    const problem = only(report, 'VERIFY_CHECKSUM_MISMATCH');
    assert.equal(problem.part, 'model.xml');
    assert.match(
      problem.message,
      /^part model\.xml: its SHA-256 is [0-9A-F]{64}, Origin\.xml records [0-9A-Fa-f]{64}$/,
    );
    assert.equal(report.modelChecksumOk, false);
    assert.equal(report.rowsTotal, 2499, 'the data is still checked');
  });

  test('VERIFY_DANGLING_RELATIONSHIP: a data part removed, its relationships left behind', async () => {
    const file = await editedCopy('Northwind.bacpac', dir, 'removed-part.bacpac', (e) =>
      removeEntry(e, ORDER_DETAILS_2),
    );
    const report = await verifyFile(file);
    const dangling = errors(report);
    assert.deepEqual(
      dangling.map((p) => [p.code, p.part]),
      [
        ['VERIFY_DANGLING_RELATIONSHIP', ORDER_DETAILS_2],
        ['VERIFY_DANGLING_RELATIONSHIP', ORDER_DETAILS_2],
      ],
    );
    assert.match(
      dangling[0]!.message,
      /table=Order Details\) points at \/Data\/dbo\.Order%20Details\/TableData-002-00000\.BCP, which is not in the package/,
    );
    const total = report.problems.find((p) => p.code === 'VERIFY_ROW_TOTAL_MISMATCH');
    assert.equal(total?.severity, 'warning');
    assert.match(total?.message ?? '', /TableRowCountTotalTag is 3308, the data parts hold \d+ rows/);
  });

  test('VERIFY_DANGLING_RELATIONSHIP: a relationship added that points nowhere', async () => {
    const ghost = '/Data/dbo.Ghost/TableData-000-00000.BCP';
    const file = await editedCopy('spss-2025-3-30-9-48.bacpac', dir, 'ghost-rel.bacpac', (e) =>
      replaceEntry(e, '_rels/.rels', (d) =>
        Buffer.from(
          d
            .toString('utf8')
            .replace(
              '</Relationships>',
              `<Relationship Type="table=Ghost" Target="${ghost}" Id="R0123456789abcdef" /></Relationships>`,
            ),
          'utf8',
        ),
      ),
    );
    const problem = only(await verifyFile(file), 'VERIFY_DANGLING_RELATIONSHIP');
    assert.equal(problem.part, 'Data/dbo.Ghost/TableData-000-00000.BCP');
    assert.match(
      problem.message,
      /relationship R0123456789abcdef \(table=Ghost\) points at \/Data\/dbo\.Ghost\//,
    );
  });

  test('VERIFY_MISSING_PART: DacMetadata.xml removed', async () => {
    const file = await editedCopy('bacpactod-Test.bacpac', dir, 'no-dacmetadata.bacpac', (e) =>
      removeEntry(e, 'DacMetadata.xml'),
    );
    const report = await verifyFile(file);
    const problem = only(report, 'VERIFY_MISSING_PART');
    assert.equal(problem.part, 'DacMetadata.xml');
    assert.match(problem.message, /^part DacMetadata\.xml: required in every BACPAC/);
    assert.equal(report.rowsTotal, 173);
  });

  test('VERIFY_UNRELATED_PART: a data part whose relationship pair was removed', async () => {
    const file = await editedCopy('Northwind.bacpac', dir, 'unrelated.bacpac', (e) =>
      replaceEntry(e, '_rels/.rels', (d) =>
        Buffer.from(
          d.toString('utf8').replace(/<Relationship [^>]*Target="\/Data\/dbo\.Region\/[^"]*"[^>]*\/>/g, ''),
          'utf8',
        ),
      ),
    );
    const problem = only(await verifyFile(file), 'VERIFY_UNRELATED_PART');
    assert.equal(problem.part, REGION);
    assert.match(
      problem.message,
      /^part Data\/dbo\.Region\/TableData-000-00000\.BCP: _rels\/\.rels has no table= or schema= relationship/,
    );
  });

  test('VERIFY_MODEL_UNMODELLED: element types and properties this tool does not model are a warning, and the rows still verify', async () => {
    const file = await editedCopy('Northwind.bacpac', dir, 'unmodelled.bacpac', (e) =>
      replaceModel(e, (model) =>
        model
          .replace(
            '<Property Name="IsAnsiNullsOn" Value="True" />',
            '<Property Name="IsAnsiNullsOn" Value="True" /><Property Name="IsLedgerOn" Value="True" />',
          )
          .replace(
            '\t</Model>',
            '\t\t<Element Type="SqlPartitionFunction" Name="[pfDates]"><Property Name="BoundaryIsRight" Value="True" /></Element>\r\n\t</Model>',
          ),
      ),
    );
    const report = await verifyFile(file);
    assert.deepEqual(errors(report), []);
    assert.equal(String(report.rowsTotal), '3308');
    const warning = report.problems.find((p) => p.code === 'VERIFY_MODEL_UNMODELLED');
    assert.ok(warning !== undefined, JSON.stringify(report.problems));
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.part, 'model.xml');
    assert.match(warning.message, /element types SqlPartitionFunction; SqlView property IsLedgerOn$/);
  });

  test('VERIFY_UNKNOWN_TABLE: a data part in a folder that names no table of the model', async () => {
    const stray = 'Data/dbo.NoSuchTable/TableData-000-00000.BCP';
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'unknown-table.bacpac', (e) => [
      ...e,
      { name: stray, data: Buffer.alloc(0) },
    ]);
    const found = errors(await verifyFile(file));
    assert.deepEqual(
      found.map((p) => [p.code, p.part]),
      [
        ['VERIFY_UNKNOWN_TABLE', stray],
        ['VERIFY_UNRELATED_PART', stray],
      ],
    );
    assert.match(found[0]!.message, /names no table of the model; the importer would skip its rows/);
  });

  test('VERIFY_CONTENT_TYPE_MISSING: a part whose extension [Content_Types].xml does not list', async () => {
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'content-type.bacpac', (e) => [
      ...e,
      { name: 'notes.txt', data: Buffer.from('hello') },
    ]);
    const report = await verifyFile(file);
    const problem = only(report, 'VERIFY_CONTENT_TYPE_MISSING');
    assert.equal(problem.part, 'notes.txt');
    assert.deepEqual(
      report.problems.filter((p) => p.severity === 'warning').map((p) => [p.code, p.part]),
      [['VERIFY_UNKNOWN_PART', 'notes.txt']],
    );
  });

  test('VERIFY_MODEL: model.xml that is not well-formed XML (the checksum is still checked)', async () => {
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'bad-model.bacpac', (e) =>
      replaceEntry(e, 'model.xml', (d) =>
        Buffer.from(d.toString('utf8').replace('</Model>', '</Mod>'), 'utf8'),
      ),
    );
    const report = await verifyFile(file);
    assert.deepEqual(
      report.problems.map((p) => [p.code, p.severity, p.part]),
      [
        ['VERIFY_MODEL', 'error', 'model.xml'],
        ['VERIFY_CHECKSUM_MISMATCH', 'error', 'model.xml'],
        ['VERIFY_DATA_NOT_CHECKED', 'warning', undefined],
      ],
    );
    assert.match(
      report.problems[0]!.message,
      /^part model\.xml: the model cannot be read: \[MODEL_XML_INVALID\]/,
    );
  });

  test('VERIFY_ZIP: the archive cut short names the entry it ends inside', async () => {
    const bytes = await readFile(fixturePath('Northwind.bacpac'));
    const source = await fileSource(fixturePath('Northwind.bacpac'));
    const zip = await openZip(source);
    const victim = zip.entries[5]!;
    await zip.close();
    const file = path.join(dir, 'cut-short.bacpac');
    await writeFile(file, bytes.subarray(0, victim.dataOffset + 10));
    const report = await verifyFile(file);
    const problem = only(report, 'VERIFY_ZIP');
    assert.equal(problem.part, victim.name);
    assert.match(problem.message, /^the ZIP structure cannot be read: \[ZIP_TRUNCATED\]/);
    assert.ok(problem.message.includes(`ends inside entry "${victim.name}"`), problem.message);
    assert.ok(problem.message.includes('5 entries before it are complete'), problem.message);
  });

  test('VERIFY_ZIP: a flipped byte in a stored data part fails its CRC-32, naming the part', async () => {
    const entries = (await fixtureEntries('Northwind.bacpac')).map((e) =>
      e.name === REGION ? { ...e, method: 'store' as const } : e,
    );
    const file = path.join(dir, 'crc.bacpac');
    await writeTestZip(entries, file);
    const source = await fileSource(file);
    const zip = await openZip(source);
    const region = zip.getEntry(REGION)!;
    await zip.close();
    const bytes = await readFile(file);
    bytes[region.dataOffset + 1]! ^= 0x01;
    await writeFile(file, bytes);
    const problem = only(await verifyFile(file), 'VERIFY_ZIP');
    assert.equal(problem.part, REGION);
    assert.match(problem.message, /\[ZIP_CRC_MISMATCH\] entry "Data\/dbo\.Region\/TableData-000-00000\.BCP"/);
  });
});
