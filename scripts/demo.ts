/**
 * `npm run demo`: the main job on embedded defaults, with neither SQL Server nor the Functions host.
 * Starts an embedded Azurite, exports the built-in synthetic sample database (every column type,
 * constraints, a view, a few thousand rows) through the same plan and activities the Functions app
 * runs, with blob staging and a block-blob target, verifies the committed BACPAC and prints where it
 * is. A copy is downloaded to demo-output/ so it can be inspected or imported with SqlPackage.
 *
 *   npm run demo -- --scale 10 --keep     ten times the rows; keep Azurite running until Ctrl+C
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BlobServiceClient } from '@azure/storage-blob';
import { verifyBacpac } from '../src/bacpac/verify';
import { fileSource } from '../src/bacpac/zip';
import { progressPrinter } from '../src/cli/progress-printer';
import { runExportLocally } from '../src/runner/run-export';
import { createSyntheticSource } from '../src/source/synthetic';
import { createBlobBacpacTarget } from '../src/storage/blob-bacpac-target';
import { createBlobStagingStore } from '../src/storage/blob-staging-store';
import { startAzurite } from '../test/helpers/azurite';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const scale = Number(values.scale ?? '1');
  const seed = Number(values.seed ?? '1');
  console.log('Starting an embedded Azurite (blob) on 127.0.0.1 ...');
  const azurite = await startAzurite();
  try {
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    const targets = service.getContainerClient('bacpacs');
    await targets.createIfNotExists();
    const blobName = `BacpacFlowDemo-${new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}.bacpac`;
    const source = (): ReturnType<typeof createSyntheticSource> => createSyntheticSource({ seed, scale });
    console.log(`Exporting the synthetic database BacpacFlowDemo (seed ${seed}, scale ${scale}) ...`);
    const result = await runExportLocally(
      {
        source: { server: 'synthetic', database: 'BacpacFlowDemo', authentication: 'managed-identity' },
        target: { accountUrl: azurite.blobEndpoint, container: targets.containerName, blobName },
        options: {
          maxParallelism: 4,
          splitRowThreshold: 1000,
          compression: 'normal',
          overwrite: false,
          consistency: 'none',
        },
      },
      {
        staging: createBlobStagingStore(service, 'bacpac-staging'),
        openSource: () => Promise.resolve(source()),
        openTarget: (spec) => createBlobBacpacTarget(targets.getBlockBlobClient(spec.blobName)),
        now: () => new Date(),
      },
      { runId: `demo-${Date.now()}`, onProgress: progressPrinter(process.stderr) },
    );

    const outDir = path.resolve(__dirname, '..', 'demo-output');
    mkdirSync(outDir, { recursive: true });
    const localCopy = path.join(outDir, blobName);
    writeFileSync(localCopy, await targets.getBlobClient(blobName).downloadToBuffer());
    const file = await fileSource(localCopy);
    const report = await verifyBacpac(file);
    await file.close?.();

    console.log('');
    console.log(`BACPAC committed: ${result.blobUrl}`);
    console.log(
      `  ${result.sizeBytes} bytes, ${result.tables} tables, ${result.rows} rows, ${result.plan.partsTotal} data parts`,
    );
    console.log(`  local copy: ${path.relative(process.cwd(), localCopy)}`);
    console.log(
      report.ok
        ? `  verify: VALID (${report.dataPartCount} data parts decoded to the last byte, model.xml checksum matches)`
        : `  verify: INVALID\n${report.problems.map((p) => `    [${p.code}] ${p.message}`).join('\n')}`,
    );
    console.log(`  inspect it: npm run --silent cli -- inspect ${path.relative(process.cwd(), localCopy)}`);
    if (values.keep === true) {
      console.log(
        `Azurite keeps running at ${azurite.blobEndpoint} (connection string below); Ctrl+C stops it.`,
      );
      console.log(azurite.connectionString);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
    return report.ok ? 0 : 1;
  } finally {
    await azurite.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
