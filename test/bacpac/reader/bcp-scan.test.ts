import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { decodeBcpRows } from '../../../src/bacpac/bcp';
import { scanBcpPart } from '../../../src/bacpac/reader';
import { readModelColumns } from '../../helpers/fixture-columns';
import { listFixtures, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';

/** Row totals of the fixtures' data parts, from SOURCES.md. */
const TOTALS: Record<string, number> = {
  'AdventureWorksLT2022.bacpac': 4277,
  'Northwind.bacpac': 3308,
  'bacpactod-Test.bacpac': 173,
  'devops-module12-database.bacpac': 1,
  'imdb1000.bacpac': 2499,
  'spss-2025-3-30-9-48.bacpac': 2183,
};

/** The bytes cut into pieces of `size` (the scanner must join rows across any cut). */
function pieces(data: Buffer, size: number): Readable {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return Readable.from(out);
}

describe('scanBcpPart', () => {
  for (const fixture of listFixtures()) {
    test(`${fixture}: counts every part's rows, in any chunking, to the SOURCES.md total`, async () => {
      const columns = readModelColumns(await readFixtureEntry(fixture, 'model.xml'));
      let total = 0;
      for (const part of await readFixtureDataParts(fixture)) {
        const cols = columns.get(part.table)!;
        const expected = [...decodeBcpRows(part.data, cols, part.table)].length;
        for (const size of [7, 4096, part.data.length || 1]) {
          const result = await scanBcpPart(pieces(part.data, size), {
            part: part.name,
            table: part.table,
            columns: cols,
          });
          assert.deepEqual(
            result,
            { rows: expected, bytes: part.data.length },
            `${part.name} in ${size}-byte chunks`,
          );
        }
        total += expected;
      }
      assert.equal(total, TOTALS[fixture]);
    });
  }

  test('a part cut short fails with BACPAC_BCP_TRUNCATED naming the part, the row and the clean offset', async () => {
    const columns = readModelColumns(await readFixtureEntry('Northwind.bacpac', 'model.xml'));
    const part = (await readFixtureDataParts('Northwind.bacpac')).find((p) => p.table === 'dbo.Region')!;
    const rows = [...decodeBcpRows(part.data, columns.get('dbo.Region')!, 'dbo.Region')].length;
    assert.equal(rows, 4);
    const cut = part.data.subarray(0, part.data.length - 3);
    await assert.rejects(
      scanBcpPart(pieces(cut, 5), {
        part: part.name,
        table: 'dbo.Region',
        columns: columns.get('dbo.Region')!,
        size: cut.length,
      }),
      (error: Error & { details?: Record<string, unknown> }) => {
        assert.match(
          error.message,
          /^\[BACPAC_BCP_TRUNCATED\] part Data\/dbo\.Region\/TableData-000-00000\.BCP \(dbo\.Region\): the data ends inside row 4/,
        );
        assert.equal(error.details?.rows, 3);
        return true;
      },
    );
  });

  test('bytes after the last row that are not a row fail with BACPAC_BCP_TRAILING_BYTES', async () => {
    const [part] = await readFixtureDataParts('devops-module12-database.bacpac');
    const columns = readModelColumns(await readFixtureEntry('devops-module12-database.bacpac', 'model.xml'));
    // The single column is varchar(max): these 8 bytes read as an impossible length prefix.
    const data = Buffer.concat([part!.data, Buffer.from('abcdef123456789a', 'hex')]);
    await assert.rejects(
      scanBcpPart(Readable.from([data]), {
        part: part!.name,
        table: part!.table,
        columns: columns.get(part!.table)!,
        size: data.length,
      }),
      new RegExp(
        `\\[BACPAC_BCP_TRAILING_BYTES\\] part ${part!.name} \\(dbo\\.DemoTable\\): 1 rows decode cleanly up to byte ${part!.data.length} of ${data.length}`,
      ),
    );
  });

  test('a bad field in the middle of a part fails with BACPAC_BCP_INVALID', async () => {
    const columns = readModelColumns(await readFixtureEntry('Northwind.bacpac', 'model.xml'));
    const part = (await readFixtureDataParts('Northwind.bacpac')).find((p) => p.table === 'dbo.Orders')!;
    const cols = columns.get('dbo.Orders')!;
    // Row 1 starts with OrderID int NOT NULL (4 bytes) then CustomerID nchar(5) nullable: a 2-byte
    // prefix that must be 10 or 0xFFFF. Make it 11 (odd, not 10).
    assert.equal(part.data.readUInt16LE(4), 10);
    const data = Buffer.from(part.data);
    data.writeUInt16LE(11, 4);
    await assert.rejects(
      scanBcpPart(Readable.from([data]), {
        part: part.name,
        table: 'dbo.Orders',
        columns: cols,
        size: data.length,
      }),
      /\[BACPAC_BCP_INVALID\] part Data\/dbo\.Orders\/TableData-000-00000\.BCP \(dbo\.Orders\): row 1, starting at byte 0, cannot be decoded \(\[BCP_BAD_LENGTH\]/,
    );
  });
});
