import { BacpacError } from '../bacpac/errors';
import {
  buildOriginInfo,
  dataPartName,
  packageExtensions,
  writeContentTypes,
  writeDacMetadata,
  writeOrigin,
  writeRels,
} from '../bacpac/package';
import type { AssembleInput, AssembleResult, PartManifest } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import { runTagFor } from '../storage/target-block-ids';
import { ExportCancelledError, withContext } from './activity-error';
import { archivePieces, bytesEntry, type ArchiveEntry } from './archive-layout';
import { compressionSettings } from './compression';
import { operationIdentity, relationshipIdSource } from './derived-ids';
import type { ExportEnvironment } from './environment';
import { readManifests } from './read-manifests';
import type { ExportPlan } from './plan-document';
import { readPlan } from './plan-document';

/** Blob metadata key that records which run committed an archive. */
export const RUN_METADATA_KEY = 'bacpacflowrun';

/**
 * assembleBacpac: builds the BACPAC from the staged model.xml and data parts and commits it to the
 * target in one step. Entries follow the layout of DacFx on .NET (model.xml, DacMetadata.xml, the
 * data parts, Origin.xml, _rels/.rels, [Content_Types].xml). Headers come from the parts' manifests,
 * so the data parts themselves are copied (or, when already staged as blocks of the target blob, only
 * listed), never decoded or recompressed. A part without a manifest
 * fails the assembly: the importer would silently skip a missing part, so we never write one.
 */
export async function assembleBacpac(input: AssembleInput, env: ExportEnvironment): Promise<AssembleResult> {
  const { runId } = input;
  const resultName = `${StagingLayout.prefix(runId)}result.json`;
  if (await env.staging.exists(resultName)) return env.staging.readJson<AssembleResult>(resultName);
  try {
    const plan = await readPlan(env.staging, input.planBlob);
    const manifests = await readManifests(env.staging, plan, input.partsTotal);
    const { entries, rows, tables } = archiveEntries(plan, manifests);
    const { pieces } = archivePieces(entries);
    const target = env.openTarget(input.target);
    const committed = await target.commit(pieces, env.staging, {
      overwrite: input.overwrite,
      metadata: { [RUN_METADATA_KEY]: runId },
      beforeCommit: async () => {
        if (await env.staging.exists(StagingLayout.cancelMarker(runId)))
          throw new ExportCancelledError(runId);
      },
    });
    const result: AssembleResult = {
      blobUrl: committed.location,
      sizeBytes: committed.sizeBytes,
      tables,
      rows,
    };
    await env.staging.writeJson(resultName, result);
    return result;
  } catch (err) {
    throw withContext(
      err,
      `assembly of ${input.target.container}/${input.target.blobName}`,
      'ASSEMBLE_FAILED',
    );
  }
}

function archiveEntries(
  plan: ExportPlan,
  manifests: readonly PartManifest[],
): { entries: ArchiveEntry[]; rows: string; tables: number } {
  const modified = new Date(plan.startedAt);
  const { method, level } = compressionSettings(plan.request.options.compression);
  const entries: ArchiveEntry[] = [
    {
      kind: 'staged',
      name: plan.model.blob,
      meta: {
        name: 'model.xml',
        method: plan.model.method,
        crc32: plan.model.crc32,
        compressedSize: plan.model.compressedSize,
        uncompressedSize: plan.model.uncompressedSize,
        modified,
      },
    },
    bytesEntry('DacMetadata.xml', writeDacMetadata({ name: plan.databaseName }), method, level, modified),
  ];

  let rows = 0n;
  const related: { schema: string; table: string; partName: string }[] = [];
  for (const manifest of manifests) {
    const part = plan.parts[manifest.partIndex]!;
    const table = plan.tables[part.tableIndex]!;
    const partRows = BigInt(manifest.rows);
    rows += partRows;
    // A DacFx package has no data part for rows that do not exist (an empty table has no folder).
    if (partRows === 0n) continue;
    const partName = dataPartName(table.schema, table.name, manifest.segment);
    related.push({ schema: table.schema, table: table.name, partName });
    const meta = {
      name: partName,
      method,
      crc32: manifest.crc32,
      compressedSize: manifest.compressedSize,
      uncompressedSize: manifest.bytes,
      modified,
    };
    entries.push(
      manifest.directBlocks === undefined
        ? { kind: 'staged', name: manifest.blob, meta }
        : {
            kind: 'target-blocks',
            runTag: runTagFor(plan.runId),
            partIndex: manifest.partIndex,
            blockCount: manifest.directBlocks,
            meta,
          },
    );
  }

  const startedAt = new Date(plan.startedAt);
  const origin = buildOriginInfo({
    header: plan.modelHeader,
    objectCounts: new Map(plan.objectCounts),
    serverVersion: plan.serverVersion,
    tableRowCountTotal: rows,
    sourceDatabaseSize: BigInt(plan.databaseSizeKb ?? '0'),
    modelChecksum: plan.model.sha256,
    identity: operationIdentity(plan.runId),
    startedAt,
    utcOffsetMinutes: -startedAt.getTimezoneOffset(),
  });
  entries.push(bytesEntry('Origin.xml', writeOrigin(origin), method, level, modified));
  if (related.length > 0) {
    entries.push(
      bytesEntry(
        '_rels/.rels',
        writeRels(related, relationshipIdSource(plan.runId)),
        'store',
        undefined,
        modified,
      ),
    );
  }
  entries.push(
    bytesEntry(
      '[Content_Types].xml',
      writeContentTypes(packageExtensions(related.length > 0)),
      'store',
      undefined,
      modified,
    ),
  );
  checkDistinctNames(entries);
  return { entries, rows: rows.toString(), tables: plan.tables.length };
}

function checkDistinctNames(entries: readonly ArchiveEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.meta.name.toLowerCase();
    if (seen.has(key)) {
      throw new BacpacError('PLAN_INVALID', `two parts would both be named ${entry.meta.name}`, {
        part: entry.meta.name,
      });
    }
    seen.add(key);
  }
}
