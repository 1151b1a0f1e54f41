import { countObjects } from '../bacpac/model';
import { BacpacError } from '../bacpac/errors';
import type { PlanExportInput, PlanSummary } from '../orchestration/contracts';
import { PLAN_SUMMARY_MAX_TABLES } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import { withContext } from './activity-error';
import type { ExportEnvironment } from './environment';
import type { ExportPlan, PlannedPart, PlannedTable } from './plan-document';
import { qualifiedName } from './plan-document';
import { stageModel } from './stage-model';

/**
 * planExport: reads the source's schema, checks the requested tables and the pre-flight findings,
 * splits every table into parts, stages model.xml and writes the plan. Returns a small summary; the
 * plan itself stays in staging.
 */
export async function planExport(input: PlanExportInput, env: ExportEnvironment): Promise<PlanSummary> {
  const { runId, request } = input;
  const startedAt = env.now();
  let source;
  try {
    source = await env.openSource(request.source, { consistency: request.options.consistency });
  } catch (err) {
    throw withContext(err, `${request.source.server}/${request.source.database}`, 'SOURCE_UNAVAILABLE');
  }
  try {
    const schema = await source.readSchema(request.options.tables ? { tables: request.options.tables } : {});
    checkRequestedTables(request.options.tables, schema.tables);
    const blocking = schema.findings.filter((f) => f.severity === 'error');
    if (blocking.length > 0) {
      throw new BacpacError(
        'PREFLIGHT_FAILED',
        `${blocking.length} object(s) cannot be exported: ` +
          blocking.map((f) => `${f.object}: [${f.code}] ${f.message}`).join('; '),
        { findings: blocking },
      );
    }

    const tables: PlannedTable[] = [];
    const parts: PlannedPart[] = [];
    let rowsEstimated = 0n;
    for (const table of schema.tables) {
      const specs = await source.planParts(table, { splitRowThreshold: request.options.splitRowThreshold });
      const tableIndex = tables.length;
      tables.push({
        schema: table.schema,
        name: table.name,
        columns: table.columns,
        estimatedRows: table.estimatedRows,
        firstPart: parts.length,
        partCount: specs.length,
      });
      for (const spec of specs) parts.push({ tableIndex, spec });
      rowsEstimated += BigInt(table.estimatedRows);
    }

    const directParts = await checkTarget(env, request, parts.length, schema.databaseSizeKb);
    const model = await stageModel(
      schema.model,
      env.staging,
      `${StagingLayout.prefix(runId)}model.xml.stored`,
      request.options.compression,
    );
    const plan: ExportPlan = {
      version: 1,
      runId,
      startedAt: startedAt.toISOString(),
      request,
      // A run over a database copy records the original database's name, as SqlPackage would.
      databaseName: input.databaseName ?? schema.databaseName,
      serverVersion: schema.serverVersion,
      ...(schema.databaseSizeKb === undefined ? {} : { databaseSizeKb: schema.databaseSizeKb }),
      ...(schema.consistent === undefined ? {} : { consistent: schema.consistent }),
      findings: schema.findings,
      model,
      modelHeader: schema.model.header,
      objectCounts: [...countObjects(schema.model)],
      tables,
      parts,
      directParts,
    };
    const planBlob = StagingLayout.plan(runId);
    await env.staging.writeJson(planBlob, plan);
    return {
      planBlob,
      tablesTotal: tables.length,
      partsTotal: parts.length,
      rowsEstimated: rowsEstimated.toString(),
      ...(tables.length <= PLAN_SUMMARY_MAX_TABLES
        ? {
            tables: tables.map((t) => ({
              name: qualifiedName(t),
              firstPart: t.firstPart,
              partCount: t.partCount,
            })),
          }
        : {}),
    };
  } catch (err) {
    throw withContext(err, `plan of ${request.source.database}`, 'PLAN_FAILED');
  } finally {
    await source.close();
  }
}

/**
 * Refuses an existing target unless overwrite is asked for (before any part is exported), and
 * decides whether parts go straight into the target as uncommitted blocks: only for a target that
 * does not exist yet (a failed run's blocks can then be dropped without touching anyone's blob), in
 * a container whose blobs can be deleted, for a database whose size is known to fit the target's
 * block limit. Otherwise parts go to staging.
 */
async function checkTarget(
  env: ExportEnvironment,
  request: PlanExportInput['request'],
  partCount: number,
  databaseSizeKb: string | undefined,
): Promise<boolean> {
  const target = env.openTarget(request.target);
  const exists = await target.exists();
  if (exists && !request.options.overwrite) {
    throw new BacpacError(
      'TARGET_EXISTS',
      `${target.location} already exists; choose another name or set options.overwrite to replace it`,
      { container: request.target.container, blobName: request.target.blobName },
    );
  }
  if (exists || target.createPartWriter === undefined || databaseSizeKb === undefined) return false;
  if (!(target.directPartsFit?.(BigInt(databaseSizeKb) * 1024n, partCount) ?? false)) return false;
  return (await target.directPartsRefusal?.()) === undefined;
}

function checkRequestedTables(
  requested: readonly string[] | undefined,
  found: readonly { readonly schema: string; readonly name: string }[],
): void {
  if (!requested) return;
  const present = new Set(found.map((t) => qualifiedName(t).toLowerCase()));
  const missing = requested.filter((name) => !present.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new BacpacError(
      'TABLE_NOT_FOUND',
      `requested table(s) not found in the source: ${missing.join(', ')}`,
      {
        tables: missing,
      },
    );
  }
}
