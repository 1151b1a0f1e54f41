import type { BlockBlobClient } from '@azure/storage-blob';
import { hasStatus } from './errors';

/** What discarding a run's uncommitted blocks did to the target blob. */
export interface DiscardedBlocks {
  /** Uncommitted blocks of the run found on the blob (all gone when `left` is unset). */
  readonly blocks: number;
  /** Why blocks of the run were left for the service to drop (a week at the latest), if they were. */
  readonly left?: string;
}

/** The part of a `BlockBlobClient` used here. */
export type DiscardTarget = Pick<BlockBlobClient, 'getBlockList' | 'commitBlockList' | 'delete' | 'exists'>;

const ATTEMPTS = 3;

/**
 * Discards the uncommitted blocks a run staged on a target blob that was never committed (a failed or
 * cancelled export whose parts went straight into the target). No API deletes uncommitted blocks, but
 * any commit of the blob drops every block it does not list. So when the blob does not exist this
 * commits an empty block list with `If-None-Match: *` and deletes the empty blob it made with
 * `If-Match`; the blob is visible, empty, for that moment only. When the blob exists it is left alone
 * (a commit since the blocks were staged already dropped them; only a blob made before the run, which
 * the planner keeps parts away from, can still carry them) and the blocks expire with the service's
 * weekly cleanup. Blocks of other runs on the same blob are dropped as well: two exports writing one
 * blob at once fail one another anyway, because each commit drops the other's blocks.
 */
export async function discardRunBlocks(blob: DiscardTarget, runTag: string): Promise<DiscardedBlocks> {
  for (let attempt = 1; ; attempt++) {
    const blocks = await uncommittedBlocksOf(blob, runTag);
    if (blocks === 0) return { blocks: 0 };
    if (await blob.exists()) {
      return {
        blocks,
        left: 'the blob exists; its uncommitted blocks expire within a week unless a commit drops them sooner',
      };
    }
    let etag: string | undefined;
    try {
      etag = (await blob.commitBlockList([], { conditions: { ifNoneMatch: '*' } })).etag;
    } catch (error) {
      // Created by someone else meanwhile: that commit dropped the blocks, which the next look shows.
      if (hasStatus(error, 409, 412) && attempt < ATTEMPTS) continue;
      throw error;
    }
    await blob.delete({ conditions: { ifMatch: etag } }).catch((error: unknown) => {
      // Replaced or removed by someone else since: theirs to keep.
      if (!hasStatus(error, 404, 412)) throw error;
    });
    return { blocks };
  }
}

/** How many uncommitted blocks of the blob carry the run's tag (0 when the blob has no blocks at all). */
async function uncommittedBlocksOf(blob: DiscardTarget, runTag: string): Promise<number> {
  try {
    const list = await blob.getBlockList('uncommitted');
    return (list.uncommittedBlocks ?? []).filter((block) =>
      Buffer.from(block.name, 'base64').toString('latin1').startsWith(runTag),
    ).length;
  } catch (error) {
    if (hasStatus(error, 404)) return 0;
    throw error;
  }
}
