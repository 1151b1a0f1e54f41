import { pipeline } from 'node:stream/promises';
import { BacpacError } from '../bacpac/errors';
import { createBcpEncoder } from '../bacpac/bcp';
import { createEntryCompressor } from '../bacpac/zip';
import type { ExportPartInput, PartManifest } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import { runTagFor } from '../storage/target-block-ids';
import { ExportCancelledError, withContext } from './activity-error';
import { compressionSettings } from './compression';
import type { ExportEnvironment } from './environment';
import { qualifiedName, readPlan } from './plan-document';
import { routePartOutput } from './route-part-output';
import { CancelCheck } from './cancel-check';

/**
 * exportPart: streams one part's rows from the source through the BCP encoder and the compressor
 * into the target's blocks (a blob target) or into staging, then records its manifest in staging. Memory stays bounded whatever the part's size: rows,
 * BCP bytes and compressed bytes all flow with backpressure into staged blocks. Running it again
 * replaces the part's files, so a retried part starts cleanly.
 */
export async function exportPart(input: ExportPartInput, env: ExportEnvironment): Promise<PartManifest> {
  const { runId, partIndex } = input;
  const plan = await readPlan(env.staging, input.planBlob);
  const part = plan.parts[partIndex];
  const table = part === undefined ? undefined : plan.tables[part.tableIndex];
  if (part === undefined || table === undefined) {
    throw new BacpacError(
      'PLAN_INVALID',
      `part ${partIndex} is not in the plan of ${runId} (${plan.parts.length} parts)`,
    );
  }
  const tableName = qualifiedName(table);
  const where = `${tableName} part ${partIndex} (segment ${part.spec.segment})`;
  const cancelMarker = StagingLayout.cancelMarker(runId);
  if (await env.staging.exists(cancelMarker)) throw new ExportCancelledError(runId);

  const blob = StagingLayout.part(runId, partIndex);
  const abort = new AbortController();
  let source;
  try {
    source = await env.openSource(plan.request.source, { consistency: plan.request.options.consistency });
  } catch (err) {
    throw withContext(err, where, 'SOURCE_UNAVAILABLE');
  }
  try {
    const cancelCheck = new CancelCheck(
      env.cancelCheckIntervalMs ?? 2000,
      () => env.staging.exists(cancelMarker),
      () => new ExportCancelledError(runId),
    );
    const encoder = createBcpEncoder({
      table: tableName,
      columns: table.columns,
      checkpoint: cancelCheck.checkpoint,
    });
    const compressor = createEntryCompressor(compressionSettings(input.compression));
    const direct = plan.directParts === true ? env.openTarget(plan.request.target) : undefined;
    const output = routePartOutput(direct, env.staging, blob, {
      partIndex,
      runTag: runTagFor(runId),
    });
    await pipeline(source.openRows(part.spec, { signal: abort.signal }), encoder, compressor, output.sink);
    const { directBlocks } = output.routed();
    const result = compressor.result();
    const manifest: PartManifest = {
      partIndex,
      table: tableName,
      segment: part.spec.segment,
      tablePartCount: table.partCount,
      rows: String(encoder.rows),
      bytes: result.uncompressedSize,
      compressedSize: result.compressedSize,
      crc32: result.crc32,
      blob,
      ...(directBlocks === undefined ? {} : { directBlocks }),
    };
    await env.staging.writeJson(StagingLayout.manifest(runId, partIndex), manifest);
    return manifest;
  } catch (err) {
    abort.abort();
    throw withContext(err, where, 'PART_FAILED');
  } finally {
    await source.close();
  }
}
