import { parseFailure } from '../orchestration/coded-error';
import type {
  ExportConsistency,
  ExportCustomStatus,
  ExportErrorInfo,
  ExportPhase,
  ExportProgress,
  ExportResult,
  ExportTimings,
} from '../orchestration/export-status';

/** The fields of a durable instance status the document is built from. */
export interface InstanceStatus {
  readonly instanceId: string;
  readonly runtimeStatus: string;
  readonly createdTime: Date;
  readonly lastUpdatedTime: Date;
  readonly customStatus?: unknown;
  readonly output?: unknown;
}

export interface ExportStatusDocument {
  readonly id: string;
  readonly runtimeStatus: string;
  readonly phase: ExportPhase;
  readonly progress: ExportProgress;
  readonly timings: Partial<ExportTimings> & {
    readonly createdTime: string;
    readonly lastUpdatedTime: string;
  };
  /** The consistency mode and whether the rows come from one consistent view (with the copy, for "copy"). */
  readonly consistency?: ExportConsistency;
  readonly result?: ExportResult;
  readonly error?: ExportErrorInfo;
}

const EMPTY_PROGRESS: ExportProgress = {
  tablesTotal: 0,
  tablesDone: 0,
  partsTotal: 0,
  partsDone: 0,
  rowsExported: '0',
  rowsEstimated: '0',
  bytesWritten: 0,
  percent: 0,
};

function customStatusOf(value: unknown): ExportCustomStatus | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const status = value as Partial<ExportCustomStatus>;
  return typeof status.phase === 'string' && typeof status.progress === 'object'
    ? (value as ExportCustomStatus)
    : undefined;
}

function isResult(value: unknown): value is ExportResult {
  return value !== null && typeof value === 'object' && typeof (value as ExportResult).blobUrl === 'string';
}

function errorOf(
  status: InstanceStatus,
  custom: ExportCustomStatus | undefined,
): ExportErrorInfo | undefined {
  switch (status.runtimeStatus) {
    case 'Failed':
      return custom?.error ?? parseFailure(status.output ?? 'the export failed', 'EXPORT_FAILED');
    case 'Terminated':
      return {
        code: 'EXPORT_CANCELLED',
        message:
          typeof status.output === 'string' && status.output !== ''
            ? status.output
            : 'the export was cancelled',
      };
    default:
      return undefined;
  }
}

/**
 * The status document of one export. While a batch sub-orchestration runs, its custom status carries
 * the live progress (`batch`), which replaces the parent's progress.
 */
export function toStatusDocument(status: InstanceStatus, batch?: InstanceStatus): ExportStatusDocument {
  const custom = customStatusOf(status.customStatus);
  const batchCustom = batch === undefined ? undefined : customStatusOf(batch.customStatus);
  const error = errorOf(status, custom);
  const phase: ExportPhase = custom?.phase ?? 'planning';
  return {
    id: status.instanceId,
    runtimeStatus: status.runtimeStatus,
    phase,
    progress: batchCustom?.progress ?? custom?.progress ?? EMPTY_PROGRESS,
    timings: {
      ...(custom?.timings ?? {}),
      createdTime: status.createdTime.toISOString(),
      lastUpdatedTime: status.lastUpdatedTime.toISOString(),
    },
    ...(custom?.consistency === undefined ? {} : { consistency: custom.consistency }),
    ...(status.runtimeStatus === 'Completed' && isResult(status.output) ? { result: status.output } : {}),
    ...(error === undefined ? {} : { error }),
  };
}
