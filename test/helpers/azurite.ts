/**
 * The real Azurite Blob emulator for tests. Every test that touches Blob Storage talks to Azurite over
 * HTTP; nothing here imitates the Blob API.
 *
 * - `startAzurite()` spawns `azurite-blob` on 127.0.0.1 on a free port with in-memory persistence (or
 *   on disk in `options.location`) and resolves once it answers HTTP requests.
 * - `testBlobService()` returns a client for the run's shared Azurite when the test runner set
 *   BACPAC_TEST_AZURITE_CONNECTION_STRING, otherwise for one Azurite started for this test process.
 * - `withTestContainer(t)` / `createTestContainer()` give each test its own uniquely named container.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';

/** The emulator's fixed development account (documented by Microsoft for Azurite; not a secret). */
export const AZURITE_ACCOUNT_NAME = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The environment variable through which a test runner shares one Azurite across test files. */
export const AZURITE_CONNECTION_STRING_ENV = 'BACPAC_TEST_AZURITE_CONNECTION_STRING';

const AZURITE_MAIN = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  'azurite',
  'dist',
  'src',
  'blob',
  'main.js',
);
const STARTUP_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;

export interface AzuriteInstance {
  /** e.g. `http://127.0.0.1:51234/devstoreaccount1` */
  readonly blobEndpoint: string;
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The well-known development connection string for an Azurite blob endpoint. */
export function azuriteConnectionString(blobEndpoint: string): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT_NAME};` +
    `AccountKey=${AZURITE_ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`
  );
}

/** A shared-key credential for the development account, for signing SAS tokens in tests. */
export function azuriteSharedKeyCredential(): StorageSharedKeyCredential {
  return new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Any HTTP response at all (Azurite answers an unsigned request with 4xx) means it is serving. */
function answersHttp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({
      host: '127.0.0.1',
      port,
      path: `/${AZURITE_ACCOUNT_NAME}?comp=list`,
      agent: false,
    });
    request.setTimeout(1_000, () => request.destroy());
    request.on('response', (response) => {
      response.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
  });
}

export interface StartAzuriteOptions {
  /**
   * Keep blobs on disk in this folder instead of in memory (for data larger than the emulator's
   * in-memory store should hold, e.g. benchmarks). The folder is left in place on stop.
   */
  readonly location?: string;
}

export async function startAzurite(options: StartAzuriteOptions = {}): Promise<AzuriteInstance> {
  const port = await freePort();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'azurite-'));
  const persistence =
    options.location === undefined ? ['--inMemoryPersistence'] : ['--location', options.location];
  const child = spawn(
    process.execPath,
    [
      AZURITE_MAIN,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      ...persistence,
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--loose',
      '--silent',
    ],
    // The working directory keeps anything the emulator writes out of the repository.
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Neither the emulator nor its pipes may keep a finished test process alive; 'exit' kills it.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as net.Socket).unref();
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal === null ? null : -1);
      resolve();
    }),
  );
  const killNow = (): void => {
    if (exitCode === undefined) child.kill('SIGKILL');
  };
  const killAtExit = (): void => {
    killNow();
    rmSync(workspace, { recursive: true, force: true });
  };
  process.on('exit', killAtExit);

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await answersHttp(port))) {
    if (exitCode !== undefined || Date.now() > deadline) {
      killNow();
      process.off('exit', killAtExit);
      rmSync(workspace, { recursive: true, force: true });
      const why = exitCode !== undefined ? `exited with code ${String(exitCode)}` : 'did not answer in time';
      throw new Error(`Azurite on port ${port} ${why}; its output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME}`;
  return {
    blobEndpoint,
    connectionString: azuriteConnectionString(blobEndpoint),
    async stop() {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
        const grace = setTimeout(killNow, STOP_GRACE_MS);
        await exited;
        clearTimeout(grace);
      }
      process.off('exit', killAtExit);
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

let sharedService: Promise<BlobServiceClient> | undefined;

/**
 * A client for the run's shared Azurite (BACPAC_TEST_AZURITE_CONNECTION_STRING), or for one Azurite
 * started on first use by this test process and killed when the process exits.
 */
export function testBlobService(): Promise<BlobServiceClient> {
  sharedService ??= (async () => {
    const fromRunner = process.env[AZURITE_CONNECTION_STRING_ENV];
    if (fromRunner !== undefined && fromRunner !== '')
      return BlobServiceClient.fromConnectionString(fromRunner);
    const azurite = await startAzurite();
    return BlobServiceClient.fromConnectionString(azurite.connectionString);
  })();
  return sharedService;
}

export interface TestContainer {
  readonly container: ContainerClient;
  dispose(): Promise<void>;
}

/** A new, uniquely named container (`t-<random>`); the caller disposes of it. */
export async function createTestContainer(): Promise<TestContainer> {
  const service = await testBlobService();
  const container = service.getContainerClient(`t-${randomBytes(8).toString('hex')}`);
  await container.create();
  return {
    container,
    async dispose() {
      await container.deleteIfExists();
    },
  };
}

/** A new, uniquely named container for this test, deleted when the test ends. */
export async function withTestContainer(t: Pick<TestContext, 'after'>): Promise<ContainerClient> {
  const handle = await createTestContainer();
  t.after(() => handle.dispose());
  return handle.container;
}
