import type { ExportRequest } from '../../../src/api/export-request';
import type { PartManifest, PlanSummary } from '../../../src/orchestration/contracts';
import {
  pipelineSettings,
  type ExportOrchestrationInput,
} from '../../../src/orchestration/orchestration-input';

export const RUN_ID = 'run-0001';

export function exportRequest(maxParallelism: number): ExportRequest {
  return {
    source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
    target: {
      accountUrl: 'https://acct.blob.core.windows.net',
      container: 'exports',
      blobName: 'Sales.bacpac',
    },
    options: {
      maxParallelism,
      splitRowThreshold: 1_000_000,
      compression: 'normal',
      overwrite: false,
      consistency: 'none',
    },
  };
}

export function orchestrationInput(
  maxParallelism: number,
  partsPerBatch = 250,
  partAttempts = 3,
): ExportOrchestrationInput {
  return {
    runId: RUN_ID,
    request: exportRequest(maxParallelism),
    settings: pipelineSettings(partAttempts, partsPerBatch),
  };
}

/** A plan whose tables each have `partsPerTable` parts; table i is `dbo.T<i>`. */
export function planSummary(tables: number, partsPerTable: number): PlanSummary {
  return {
    planBlob: `${RUN_ID}/plan.json`,
    tablesTotal: tables,
    partsTotal: tables * partsPerTable,
    rowsEstimated: String(tables * partsPerTable * 1000),
    tables: Array.from({ length: tables }, (_, i) => ({
      name: `dbo.T${i}`,
      firstPart: i * partsPerTable,
      partCount: partsPerTable,
    })),
  };
}

export function manifest(partIndex: number, partsPerTable: number, rows = '1000'): PartManifest {
  return {
    partIndex,
    table: `dbo.T${Math.floor(partIndex / partsPerTable)}`,
    segment: partIndex % partsPerTable,
    tablePartCount: partsPerTable,
    rows,
    bytes: 4096,
    compressedSize: 1000,
    crc32: 0x1234abcd,
    blob: `${RUN_ID}/parts/${String(partIndex).padStart(5, '0')}.bcp.deflate`,
  };
}
