import type { CleanupInput, CleanupResult } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import { runTagFor } from '../storage/target-block-ids';
import type { ExportEnvironment } from './environment';

/**
 * cleanupStaging: deletes every staging file of the run, then, given the target, drops the blocks the
 * run's parts wrote straight into it if no commit took them (a failed or cancelled run). After a
 * successful commit there are none, and the committed archive is not touched. Deleting nothing is
 * not an error.
 */
export async function cleanupStaging(input: CleanupInput, env: ExportEnvironment): Promise<CleanupResult> {
  const deleted = await env.staging.deletePrefix(StagingLayout.prefix(input.runId));
  if (input.target === undefined) return { deleted };
  const target = env.openTarget(input.target);
  if (target.discardRunBlocks === undefined) return { deleted };
  const { blocks, left } = await target.discardRunBlocks(runTagFor(input.runId));
  return {
    deleted,
    ...(blocks === 0
      ? {}
      : left === undefined
        ? { targetBlocksDiscarded: blocks }
        : { targetBlocksLeft: left }),
  };
}
