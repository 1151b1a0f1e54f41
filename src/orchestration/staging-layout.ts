/**
 * Where one run keeps its intermediate files in the staging container of the app storage account:
 *
 *   <runId>/plan.json                 the plan (schema model, tables, PartSpecs)
 *   <runId>/parts/NNNNN.bcp.deflate   data of part NNNNN
 *   <runId>/manifests/NNNNN.json      manifest of part NNNNN (a PartManifest)
 *   <runId>/CANCELLED                 cancel marker: activities stop at their next chunk when present
 *
 * NNNNN is the part index, zero-padded to five digits (longer indexes keep all their digits).
 */

const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/** Run ids become blob-name prefixes: letters, digits and hyphens only, at most 63 characters. */
export function isValidRunId(runId: string): boolean {
  return RUN_ID_PATTERN.test(runId);
}

function checkedRunId(runId: string): string {
  if (!isValidRunId(runId)) {
    throw new Error(`[STAGING_INVALID_RUN_ID] run id "${runId}" must be 1-63 letters, digits and hyphens`);
  }
  return runId;
}

function partNumber(partIndex: number): string {
  if (!Number.isSafeInteger(partIndex) || partIndex < 0) {
    throw new Error(`[STAGING_INVALID_PART] part index ${partIndex} must be a non-negative integer`);
  }
  return String(partIndex).padStart(5, '0');
}

export const StagingLayout = {
  /** Prefix of every blob of the run, ending in "/". */
  prefix: (runId: string): string => `${checkedRunId(runId)}/`,
  plan: (runId: string): string => `${checkedRunId(runId)}/plan.json`,
  part: (runId: string, partIndex: number): string =>
    `${checkedRunId(runId)}/parts/${partNumber(partIndex)}.bcp.deflate`,
  manifest: (runId: string, partIndex: number): string =>
    `${checkedRunId(runId)}/manifests/${partNumber(partIndex)}.json`,
  cancelMarker: (runId: string): string => `${checkedRunId(runId)}/CANCELLED`,
} as const;
