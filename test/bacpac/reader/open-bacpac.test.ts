import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { TableRef } from '../../../src/bacpac/model';
import { openBacpac, resolveDataParts } from '../../../src/bacpac/reader';
import { fileSource, type ZipEntry } from '../../../src/bacpac/zip';
import { fixturePath, listFixtures, readFixtureDataParts, readFixtureEntry } from '../../helpers/fixtures';
import { editedCopy, makeTempDir, removeEntry, removeTempDir } from './package-edits';

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function open(file: string) {
  return openBacpac(await fileSource(file));
}

describe('openBacpac on every fixture', () => {
  for (const fixture of listFixtures()) {
    test(`${fixture}: parts by role, data parts resolved to the tables their folders name`, async () => {
      const pkg = await open(fixturePath(fixture));
      try {
        assert.equal(pkg.parts.model?.name, 'model.xml');
        assert.equal(pkg.parts.origin?.name, 'Origin.xml');
        assert.equal(pkg.parts.dacMetadata?.name, 'DacMetadata.xml');
        assert.equal(pkg.parts.contentTypes?.name, '[Content_Types].xml');
        assert.equal(pkg.parts.rels?.name, '_rels/.rels');
        assert.deepEqual(pkg.parts.other, []);
        const expected = await readFixtureDataParts(fixture);
        const parts = await pkg.dataParts();
        assert.deepEqual(
          parts.map((p) => [p.partName, `${p.schema}.${p.table}`]),
          expected.map((p) => [p.name, p.table]),
        );
        const first = parts[0]!;
        assert.ok(
          (await collect(pkg.openDataPart(first))).equals(expected[0]!.data),
          'openDataPart gives the bytes yauzl reads',
        );
        const modelBytes = await collect(pkg.openModelXml());
        assert.ok(modelBytes.equals(await readFixtureEntry(fixture, 'model.xml')));
        const origin = await pkg.origin();
        assert.equal(
          createHash('sha256').update(modelBytes).digest('hex').toUpperCase(),
          origin.modelChecksum.toUpperCase(),
        );
      } finally {
        await pkg.close();
      }
    });
  }

  test('Northwind: dbo.Order Details has four key-range parts 000..003 in an escaped folder', async () => {
    const pkg = await open(fixturePath('Northwind.bacpac'));
    try {
      const parts = (await pkg.dataParts()).filter((p) => p.table === 'Order Details');
      assert.deepEqual(parts.map((p) => [p.schema, p.segment, p.subSegment]).sort(), [
        ['dbo', 0, 0],
        ['dbo', 1, 0],
        ['dbo', 2, 0],
        ['dbo', 3, 0],
      ]);
      assert.ok(parts.every((p) => p.partName.startsWith('Data/dbo.Order%20Details/')));
      assert.equal((await pkg.dacMetadata()).name, 'Northwind');
      assert.equal((await pkg.readModel()).header.platform, 'Sql150');
      const rels = await pkg.rels();
      assert.equal(rels?.relationships.length, 2 * 16);
    } finally {
      await pkg.close();
    }
  });
});

describe('openBacpac on damaged packages', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir();
  });
  after(async () => {
    await removeTempDir(dir);
  });

  test('a missing Origin.xml fails origin() with BACPAC_MISSING_PART naming the part', async () => {
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'no-origin.bacpac', (e) =>
      removeEntry(e, 'Origin.xml'),
    );
    const pkg = await open(file);
    try {
      assert.equal(pkg.parts.origin, undefined);
      await assert.rejects(
        pkg.origin(),
        /\[BACPAC_MISSING_PART\] part Origin\.xml: expected in every BACPAC, the package has no such entry/,
      );
    } finally {
      await pkg.close();
    }
  });

  test('a data part whose folder names no table fails dataParts() with BACPAC_UNRESOLVED_DATA_PART', async () => {
    const file = await editedCopy('devops-module12-database.bacpac', dir, 'stray.bacpac', (e) => [
      ...e,
      { name: 'Data/dbo.NoSuchTable/TableData-000-00000.BCP', data: Buffer.alloc(0) },
    ]);
    const pkg = await open(file);
    try {
      const { parts, unresolved } = await pkg.resolveDataParts();
      assert.equal(parts.length, 1);
      assert.deepEqual(
        unresolved.map((u) => [u.partName, u.folder]),
        [['Data/dbo.NoSuchTable/TableData-000-00000.BCP', 'dbo.NoSuchTable']],
      );
      await assert.rejects(pkg.dataParts(), (error: Error) => {
        assert.match(error.message, /^\[BACPAC_UNRESOLVED_DATA_PART\] part Data\/dbo\.NoSuchTable\//);
        return true;
      });
    } finally {
      await pkg.close();
    }
  });
});

describe('resolveDataParts', () => {
  const entry = (name: string) => ({ name }) as ZipEntry;
  const tables: TableRef[] = [
    { schema: 'a.b', name: 'c', qualifiedName: '[a.b].[c]' },
    { schema: 'a', name: 'b.c', qualifiedName: '[a].[b.c]' },
    { schema: 'dbo', name: 'T', qualifiedName: '[dbo].[T]' },
  ];
  const name = 'Data/a.b.c/TableData-001-00000.BCP';

  test('a folder that two tables could give is settled by the relationships', () => {
    const rels = {
      relationships: [],
      tablesByTarget: new Map([[`/${name}`, { schema: 'a', table: 'b.c' }]]),
    };
    const { parts, unresolved } = resolveDataParts([entry(name)], tables, rels);
    assert.deepEqual(unresolved, []);
    assert.deepEqual(
      parts.map((p) => [p.schema, p.table, p.segment]),
      [['a', 'b.c', 1]],
    );
  });

  test('without relationships the ambiguous folder stays unresolved, with the reason', () => {
    const { parts, unresolved } = resolveDataParts(
      [entry(name), entry('Data/dbo.T/TableData-000-00000.BCP')],
      tables,
    );
    assert.deepEqual(
      parts.map((p) => p.table),
      ['T'],
    );
    assert.equal(unresolved.length, 1);
    assert.match(unresolved[0]!.reason, /DATA_FOLDER_AMBIGUOUS/);
  });
});
