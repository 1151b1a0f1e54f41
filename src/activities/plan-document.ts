import type { BcpColumn } from '../bacpac/bcp/types';
import type { ModelHeader } from '../bacpac/model';
import type { ZipMethod } from '../bacpac/zip';
import type { ExportRequest } from '../api/export-request';
import type { PartSpec, SourceFinding } from '../source/types';
import type { StagingStore } from '../storage/staging-store';

/**
 * The plan of one export run, written once by planExport to `<runId>/plan.json` and read by every
 * other activity. It holds what the assembler needs besides the parts: the staged model.xml and the
 * facts Origin.xml and DacMetadata.xml record.
 */
export interface ExportPlan {
  readonly version: 1;
  readonly runId: string;
  /** ISO time the run was planned: Origin.xml's start time. */
  readonly startedAt: string;
  readonly request: ExportRequest;
  readonly databaseName: string;
  readonly serverVersion: string;
  readonly databaseSizeKb?: string;
  readonly consistent?: boolean;
  readonly findings: readonly SourceFinding[];
  readonly model: StagedModel;
  /** model.xml's root attributes (platform, schema version), for Origin.xml. */
  readonly modelHeader: ModelHeader;
  /** model element type -> count, for Origin.xml ObjectCounts. */
  readonly objectCounts: readonly (readonly [string, number])[];
  readonly tables: readonly PlannedTable[];
  /** Every part, grouped by table in table order; the part index is the position here. */
  readonly parts: readonly PlannedPart[];
  /**
   * Parts of at least the target's `directPartMinBytes` are written straight into the target as
   * uncommitted blocks (decided by the planner; absent in plans written before this choice existed).
   */
  readonly directParts?: boolean;
}

export interface StagedModel {
  /** Staging name of the stored (compressed) model.xml. */
  readonly blob: string;
  readonly method: ZipMethod;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Upper-case SHA-256 of the uncompressed model.xml bytes. */
  readonly sha256: string;
}

export interface PlannedTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly BcpColumn[];
  readonly estimatedRows: string;
  readonly firstPart: number;
  readonly partCount: number;
}

export interface PlannedPart {
  readonly tableIndex: number;
  readonly spec: PartSpec;
}

export function qualifiedName(table: { readonly schema: string; readonly name: string }): string {
  return `${table.schema}.${table.name}`;
}

const cache = new Map<string, Promise<ExportPlan>>();
const CACHE_LIMIT = 8;

/** Reads a plan, keeping the last few in memory: a plan never changes once written. */
export function readPlan(staging: StagingStore, planBlob: string): Promise<ExportPlan> {
  const key = `${staging.location}|${planBlob}`;
  let plan = cache.get(key);
  if (!plan) {
    plan = staging.readJson<ExportPlan>(planBlob);
    plan.catch(() => cache.delete(key));
    cache.set(key, plan);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return plan;
}
