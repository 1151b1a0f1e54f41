import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import type { BcpColumn, BcpValue } from '../../../src/bacpac/bcp';
import { readModelColumns } from '../../helpers/fixture-columns';
import { FIXTURE_DIR, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';

/**
 * Every cell of bacpactod-Test.bacpac, decoded, against the CSV export its author published
 * (bacpactod-Test.expected/, one CSV per table: dboNumberFields1.csv is dbo.NumberFields1).
 */
const FIXTURE = 'bacpactod-Test.bacpac';
const EXPECTED_DIR = path.join(FIXTURE_DIR, 'bacpactod-Test.expected');

/** RFC 4180 parse: quoted fields with doubled quotes, CRLF or LF records, no trailing empty record. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * .NET's general ("G") number format with `digits` significant digits, which is how the CSVs
 * show floating-point values: G15 for float (`9.22337203685478E+18`, `1.23456789012346`) and G7
 * for real (`1.234568`, `9.223372E+18`). Scientific notation when the exponent is below -5 or at
 * least `digits`, with trailing zeros removed and an exponent of at least two digits.
 */
function formatG(value: number, digits: number): string {
  if (value === 0) return '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential(digits - 1).split('e');
  const exponent = Number(exponentText);
  const trim = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exponent >= -5 && exponent < digits) return trim(value.toFixed(Math.max(0, digits - 1 - exponent)));
  const sign = exponent < 0 ? '-' : '+';
  return `${trim(mantissa)}E${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/**
 * The CSV's text for a decoded value. Where the CSV differs from the decoder's canonical text the
 * difference is only in presentation, and each rule says why:
 * - NULL is the word NULL; bit is 1 or 0; binary types are 0x + upper-case hex (0x for empty).
 * - real and float use .NET's G7 / G15 formats (see formatG): the CSV shows the values rounded to
 *   7 / 15 significant digits, while the decoder keeps the exact binary value as a JS number.
 * - money and smallmoney: the CSV drops trailing zeros of the 4 stored fraction digits but keeps
 *   at least 2 (1.0000 is `1.00`, 123456789012.1234 stays as is), the way the exporting tool printed
 *   them; the decoder always gives exactly 4.
 * - sql_variant shows its base value's text.
 * Everything else (integers, decimals, dates and times, GUIDs, strings) must equal the decoder's
 * canonical text exactly.
 */
function csvText(column: BcpColumn, value: BcpValue): string {
  if (value === null) return 'NULL';
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex').toUpperCase()}`;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object') return csvText({ ...column, type: 'int' }, value.value);
  if (column.type === 'real' && typeof value === 'number') return formatG(value, 7);
  if (column.type === 'float' && typeof value === 'number') return formatG(value, 15);
  if ((column.type === 'money' || column.type === 'smallmoney') && typeof value === 'string') {
    return value.replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
  }
  return String(value);
}

describe('bacpactod-Test.bacpac decodes to the published CSV values', async () => {
  const columns = readModelColumns(await readFixtureEntry(FIXTURE, 'model.xml'));
  const parts = await readFixtureDataParts(FIXTURE);
  const csvFiles = readdirSync(EXPECTED_DIR).filter((f) => f.endsWith('.csv'));

  test('there is one CSV for each of the 25 tables with data', () => {
    assert.equal(csvFiles.length, 25);
    assert.deepEqual(
      csvFiles.map((f) => f.replace(/^dbo/, 'dbo.').replace(/\.csv$/, '')).sort(),
      parts.map((p) => p.table).sort(),
    );
  });

  let cells = 0;
  for (const file of csvFiles) {
    const table = file.replace(/^dbo/, 'dbo.').replace(/\.csv$/, '');
    test(`${table} matches ${file} cell by cell`, () => {
      const tableColumns = columns.get(table);
      assert.ok(tableColumns, `model.xml has ${table}`);
      const [header, ...expected] = parseCsv(readFileSync(path.join(EXPECTED_DIR, file), 'utf8'));
      assert.deepEqual(
        header,
        tableColumns.map((c) => c.name),
      );
      const data = parts.filter((p) => p.table === table);
      const actual = data.flatMap((p) => [...decodeBcpRows(p.data, tableColumns, table)]);
      assert.equal(actual.length, expected.length, 'row count');
      actual.forEach((row, r) => {
        row.forEach((value, c) => {
          const column = tableColumns[c] as BcpColumn;
          assert.equal(
            csvText(column, value),
            expected[r]?.[c],
            `${table} row ${r + 1} column ${column.name}`,
          );
          cells += 1;
        });
      });
    });
  }

  test('all 2,827 cells were compared', () => {
    assert.equal(cells, 2827);
  });
});
