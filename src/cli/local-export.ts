import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { Consistency, ExportRequest, ExportOptions, ExportSourceSpec } from '../api/export-request';
import type { DatabaseCopyOps } from '../source/database-copy-ops';
import type { ExportEnvironment } from '../activities';
import { runExportLocally, type LocalRunResult } from '../runner/run-export';
import type { ExportSource } from '../source/types';
import { assertBacpacBlobName, assertContainerName } from '../storage/blob-names';
import { createBlobBacpacTarget } from '../storage/blob-bacpac-target';
import { createBlobStagingStore } from '../storage/blob-staging-store';
import { blobServiceFromConnectionString, blobServiceFromUrl, storageCredential } from '../storage/clients';
import { createDirectoryStagingStore } from '../storage/directory-staging-store';
import { createFileBacpacTarget } from '../storage/file-bacpac-target';
import type { CliIo } from './command';
import { toJson } from './format/json';
import { UsageError } from './command';
import { progressPrinter } from './progress-printer';

/** Where `--out` points: a local file, or a blob given by its URL. */
export type OutputTarget =
  | { readonly kind: 'file'; readonly path: string }
  | {
      readonly kind: 'blob';
      readonly accountUrl: string;
      readonly container: string;
      readonly blobName: string;
    };

/** Parses `--out`: http(s) URLs are blobs (`https://acct.blob.core.windows.net/container/name.bacpac`). */
export function parseOutput(out: string): OutputTarget {
  if (!/^https?:\/\//i.test(out)) return { kind: 'file', path: path.resolve(out) };
  const url = new URL(out);
  if (url.search) {
    throw new UsageError(
      '--out: give the blob URL without a SAS token; credentials come from AZURE_STORAGE_CONNECTION_STRING or Entra ID',
    );
  }
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeURIComponent);
  const emulator = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const accountSegments = emulator ? 1 : 0;
  if (segments.length !== accountSegments + 2) {
    throw new UsageError(
      `--out: expected a blob URL such as https://account.blob.core.windows.net/container/name.bacpac, found ${out}`,
    );
  }
  const accountUrl = `${url.protocol}//${url.host}${emulator ? `/${segments[0]}` : ''}`;
  const container = segments[accountSegments]!;
  const blobName = segments[accountSegments + 1]!;
  assertContainerName(container, '--out container');
  assertBacpacBlobName(blobName, '--out blob name');
  return { kind: 'blob', accountUrl, container, blobName };
}

/** A client for the account of a blob `--out`: AZURE_STORAGE_CONNECTION_STRING when set, else Entra ID. */
function blobService(accountUrl: string, env: NodeJS.ProcessEnv, clientId?: string): BlobServiceClient {
  const connectionString = env.AZURE_STORAGE_CONNECTION_STRING;
  if (connectionString)
    return blobServiceFromConnectionString(connectionString, 'AZURE_STORAGE_CONNECTION_STRING');
  return blobServiceFromUrl(accountUrl, storageCredential(clientId), '--out');
}

export interface LocalExportOptions {
  readonly output: OutputTarget;
  /**
   * Names the source in the request; the source itself comes from `openSource`, which is given the
   * spec of each step (with consistency "copy", the spec names the database copy).
   */
  readonly sourceSpec: ExportSourceSpec;
  readonly openSource: (spec: ExportSourceSpec, consistency: Consistency) => ExportSource;
  /** Database copies for consistency "copy" (Azure SQL Database). */
  readonly databaseCopies?: DatabaseCopyOps;
  readonly options: ExportOptions;
  /** Staging folder for file output (default: a new folder under the OS temp folder). */
  readonly stagingDir?: string;
  /** Staging container for blob output (default bacpac-staging, in the output's account). */
  readonly stagingContainer?: string;
  readonly managedIdentityClientId?: string;
  readonly quiet?: boolean;
}

/**
 * Exports in this process with the pipeline's own activities: staging in a temporary folder (file
 * output) or a staging container of the target account (blob output), progress on stderr, and
 * cancel on Ctrl+C that leaves nothing behind.
 */
export async function runLocalExport(
  opts: LocalExportOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LocalRunResult> {
  const runId = randomUUID();
  const output = opts.output;
  let cleanupDir: string | undefined;
  let environment: ExportEnvironment;
  let request: ExportRequest;
  if (output.kind === 'file') {
    const stagingRoot = opts.stagingDir ?? (cleanupDir = mkdtempSync(path.join(os.tmpdir(), 'bacpac-flow-')));
    environment = {
      staging: createDirectoryStagingStore(stagingRoot),
      openSource: (spec, { consistency }) =>
        new Promise((resolve) => resolve(opts.openSource(spec, consistency))),
      ...(opts.databaseCopies ? { databaseCopies: opts.databaseCopies } : {}),
      openTarget: () => createFileBacpacTarget(output.path),
      now: () => new Date(),
    };
    request = {
      source: opts.sourceSpec,
      target: { accountUrl: 'file://', container: 'local', blobName: path.basename(output.path) },
      options: opts.options,
    };
  } else {
    const service = blobService(output.accountUrl, env, opts.managedIdentityClientId);
    environment = {
      staging: createBlobStagingStore(service, opts.stagingContainer ?? 'bacpac-staging'),
      openSource: (spec, { consistency }) =>
        new Promise((resolve) => resolve(opts.openSource(spec, consistency))),
      ...(opts.databaseCopies ? { databaseCopies: opts.databaseCopies } : {}),
      openTarget: (spec) =>
        createBlobBacpacTarget(service.getContainerClient(spec.container).getBlockBlobClient(spec.blobName)),
      now: () => new Date(),
    };
    request = {
      source: opts.sourceSpec,
      target: { accountUrl: output.accountUrl, container: output.container, blobName: output.blobName },
      options: opts.options,
    };
  }
  const controller = new AbortController();
  const onSignal = (): void => {
    io.stderr.write('\ncancelling: parts stop at their next chunk, staging files are removed\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  try {
    return await runExportLocally(request, environment, {
      runId,
      signal: controller.signal,
      ...(opts.quiet ? {} : { onProgress: progressPrinter(io.stderr) }),
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
    if (cleanupDir) rmSync(cleanupDir, { recursive: true, force: true });
  }
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  maxParallelism: 4,
  splitRowThreshold: 1_000_000,
  compression: 'normal',
  overwrite: false,
  consistency: 'none',
};

/** Prints where the BACPAC is and what it holds: one JSON document, or one line of text. */
export function writeExportResult(result: LocalRunResult, json: boolean, io: CliIo): void {
  const { blobUrl: location, sizeBytes, tables, rows } = result;
  io.stdout.write(
    json
      ? toJson({ location, sizeBytes, tables, rows })
      : `wrote ${location}: ${sizeBytes} bytes, ${tables} tables, ${rows} rows\n`,
  );
}
