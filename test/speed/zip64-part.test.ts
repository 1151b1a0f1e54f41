/**
 * A data part beyond 4 GiB uncompressed, end to end into Azurite: the export pipeline deflates
 * 4.1 GiB of BCP rows (identical rows, so it deflates about two hundredfold at level 1 and stages about 20 MB), the
 * assembler lays the archive out with ZIP64 fields, and the result verifies with our reader and reads back with yauzl,
 * an independent ZIP reader, with the size and CRC-32 of the BCP bytes built here independently.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { runExportLocally } from '../../src/runner/run-export';
import { downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';
import { createRepeatedRowsSource, repeatedRowBytes } from './repeated-rows-source';
import { errorsOf, recordingCommits, verifyFile } from './speed-helpers';

const MiB = 1024 * 1024;
const PAYLOAD = Buffer.alloc(MiB, 'bacpac-flow ');
/** 4,100 rows of 1 MiB + 12 bytes: 4,299,210,800 bytes, above the 4,294,967,295 a 32-bit size holds. */
const ROWS = 4100;
const PART_NAME = 'Data/dbo.Blobs/TableData-000-00000.BCP';

/** The BCP bytes of the table, built here row by row from the format (int, then 8-byte length and bytes). */
function expectedCrc(): number {
  let crc = 0;
  const prefix = Buffer.alloc(12);
  prefix.writeBigUInt64LE(BigInt(PAYLOAD.length), 4);
  for (let id = 1; id <= ROWS; id++) {
    prefix.writeInt32LE(id, 0);
    crc = crc32(PAYLOAD, crc32(prefix, crc));
  }
  return crc;
}

/** Size and CRC-32 of `name` as yauzl reads it: its directory record and its inflated bytes. */
async function readWithYauzl(
  file: string,
  name: string,
): Promise<{ declaredSize: number; declaredCrc: number; readBytes: number; readCrc: number }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(undefined));
        zip.once('error', reject);
        zip.readEntry();
      });
      if (entry === undefined) throw new Error(`${name} is not in ${file}`);
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (entry.fileName !== name) continue;
      let readBytes = 0;
      let readCrc = 0;
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        readBytes += (chunk as Buffer).length;
        readCrc = crc32(chunk as Buffer, readCrc);
      }
      return { declaredSize: entry.uncompressedSize, declaredCrc: entry.crc32, readBytes, readCrc };
    }
  } finally {
    zip.close();
  }
}

test('a 4.1 GiB data part is exported, assembled with ZIP64 fields, verified and read back', async (t) => {
  const setup = await pipelineSetup(t, () => createRepeatedRowsSource(ROWS, PAYLOAD));
  const { env, commits } = recordingCommits({ ...setup.env, cancelCheckIntervalMs: 2000 });
  const request = setup.request('zip64.bacpac', { compression: 'fast', maxParallelism: 1 });
  const expectedBytes = ROWS * repeatedRowBytes(PAYLOAD.length);
  assert.ok(expectedBytes > 0xffffffff);

  let started = performance.now();
  const result = await runExportLocally(request, env, { runId: 'run-zip64' });
  const exportSeconds = (performance.now() - started) / 1000;
  const manifest = result.manifests[0];
  assert.equal(result.manifests.length, 1);
  assert.equal(manifest?.bytes, expectedBytes);
  assert.equal(result.rows, String(ROWS));
  // The 20 MB part is copied by the service; only headers and the small parts pass through here.
  assert.ok((commits[0]?.bytesMoved ?? Infinity) < MiB, `moved ${commits[0]?.bytesMoved} bytes`);
  const out = await downloadToTemp(t, setup.targets, 'zip64.bacpac');
  const archiveBytes = statSync(out).size;
  assert.ok(archiveBytes * 100 < expectedBytes, `the archive holds ${archiveBytes} bytes`);

  // ZIP64 end of central directory record and locator, which only a ZIP64 archive has.
  const archive = readFileSync(out);
  assert.ok(archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06])) > 0, 'ZIP64 end record');
  assert.ok(archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07])) > 0, 'ZIP64 locator');

  started = performance.now();
  const report = await verifyFile(out);
  const verifySeconds = (performance.now() - started) / 1000;
  assert.deepEqual(errorsOf(report), []);
  assert.equal(report.rowsTotal, ROWS);
  const part = report.tables.flatMap((table) => table.parts).find((p) => p.name === PART_NAME);
  assert.equal(part?.bytes, expectedBytes);
  assert.equal(part?.rows, ROWS);

  started = performance.now();
  const read = await readWithYauzl(out, PART_NAME);
  const yauzlSeconds = (performance.now() - started) / 1000;
  const crc = expectedCrc();
  assert.equal(read.declaredSize, expectedBytes);
  assert.equal(read.readBytes, expectedBytes);
  assert.equal(read.declaredCrc, crc);
  assert.equal(read.readCrc, crc);
  t.diagnostic(
    `export ${exportSeconds.toFixed(1)} s, verify ${verifySeconds.toFixed(1)} s, yauzl ${yauzlSeconds.toFixed(1)} s, ` +
      `archive ${archiveBytes} bytes for ${expectedBytes} BCP bytes`,
  );
});
