import type { CleanupInput, CleanupResult } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import type { ExportEnvironment } from './environment';

/** cleanupStaging: deletes every staging file of the run. Deleting nothing is not an error. */
export async function cleanupStaging(input: CleanupInput, env: ExportEnvironment): Promise<CleanupResult> {
  return { deleted: await env.staging.deletePrefix(StagingLayout.prefix(input.runId)) };
}
