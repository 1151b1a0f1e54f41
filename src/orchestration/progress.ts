import type { PartManifest } from './contracts';
import type { ExportPhase, ExportProgress } from './export-status';

/**
 * Export progress as plain JSON, so it can cross into a batch sub-orchestration and back. Only tables
 * with parts still outstanding are listed (parts are grouped by table, so that list stays short).
 */
export interface ProgressState {
  readonly tablesTotal: number;
  readonly tablesDone: number;
  readonly partsTotal: number;
  readonly partsDone: number;
  readonly rowsExported: string;
  readonly rowsEstimated: string;
  readonly bytesWritten: number;
  /** `schema.table` -> parts done so far and parts planned, for tables not finished yet. */
  readonly openTables: Readonly<Record<string, { readonly done: number; readonly total: number }>>;
}

export function initialProgress(
  tablesTotal: number,
  partsTotal: number,
  rowsEstimated: string,
): ProgressState {
  return {
    tablesTotal,
    tablesDone: 0,
    partsTotal,
    partsDone: 0,
    rowsExported: '0',
    rowsEstimated,
    bytesWritten: 0,
    openTables: {},
  };
}

/** Counts one finished part into the progress; returns a new state. */
export function addPart(state: ProgressState, manifest: PartManifest): ProgressState {
  const open = { ...state.openTables };
  const previous = open[manifest.table];
  const done = (previous?.done ?? 0) + 1;
  const total = previous?.total ?? manifest.tablePartCount;
  let tablesDone = state.tablesDone;
  if (done >= total) {
    delete open[manifest.table];
    tablesDone += 1;
  } else {
    open[manifest.table] = { done, total };
  }
  return {
    ...state,
    tablesDone,
    partsDone: state.partsDone + 1,
    rowsExported: (BigInt(state.rowsExported) + BigInt(manifest.rows)).toString(),
    bytesWritten: state.bytesWritten + manifest.compressedSize,
    openTables: open,
  };
}

function percentFor(state: ProgressState, phase: ExportPhase): number {
  switch (phase) {
    case 'planning':
      return 0;
    case 'exporting':
      return state.partsTotal === 0 ? 90 : Math.floor((90 * state.partsDone) / state.partsTotal);
    case 'assembling':
    case 'committing':
    case 'cleaning-up':
      return 95;
    case 'done':
      return 100;
  }
}

/** The progress figures the status document shows (the open-table bookkeeping left out). */
export function progressView(state: ProgressState, phase: ExportPhase): ExportProgress {
  return {
    tablesTotal: state.tablesTotal,
    tablesDone: state.tablesDone,
    partsTotal: state.partsTotal,
    partsDone: state.partsDone,
    rowsExported: state.rowsExported,
    rowsEstimated: state.rowsEstimated,
    bytesWritten: state.bytesWritten,
    percent: percentFor(state, phase),
  };
}
