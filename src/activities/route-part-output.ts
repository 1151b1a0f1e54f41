import { pipeline } from 'node:stream/promises';
import type { BacpacTarget } from '../storage/bacpac-target';
import type { StagingStore } from '../storage/staging-store';

/** Where a part's stored bytes went: a staging file, or `directBlocks` blocks of the target blob. */
export interface RoutedPart {
  readonly directBlocks?: number;
}

/**
 * The sink of a part's compressed stream. A target given here that takes parts directly
 * (`createPartWriter`; the planner passes none when parts must be staged) gets every part of at least `directPartMinBytes`: its bytes become uncommitted blocks of the
 * archive and are never copied. A smaller part, or any part for another target, goes to the staging
 * file `blob`, so the assembler can merge many small parts into a few blocks (a blob holds at most
 * 50,000). Memory: at most `directPartMinBytes` are held while the size is still unknown.
 */
export function routePartOutput(
  target: BacpacTarget | undefined,
  staging: StagingStore,
  blob: string,
  part: { readonly partIndex: number; readonly runTag: string },
): { sink: (chunks: AsyncIterable<Buffer>) => Promise<void>; routed: () => RoutedPart } {
  let routed: RoutedPart | undefined;
  const threshold = Math.max(0, target?.directPartMinBytes ?? 0);

  const toStaging = async (head: Buffer[], rest: AsyncIterator<Buffer> | undefined): Promise<void> => {
    const writer = staging.createWriter(blob);
    await pipeline(replay(head, rest), writer.stream);
    await writer.committed;
    routed = {};
  };

  const sink = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
    const iterator = chunks[Symbol.asyncIterator]();
    if (target?.createPartWriter === undefined) return toStaging([], iterator);
    const head: Buffer[] = [];
    let held = 0;
    while (held < threshold || head.length === 0) {
      const next = await iterator.next();
      if (next.done === true) return toStaging(head, undefined);
      head.push(next.value);
      held += next.value.length;
    }
    const direct = target.createPartWriter(part.partIndex, part.runTag);
    await pipeline(replay(head, iterator), direct.stream);
    routed = { directBlocks: (await direct.staged).blockCount };
  };

  return {
    sink,
    routed: () => {
      if (routed === undefined) throw new Error('the part output was read before its stream ended');
      return routed;
    },
  };
}

/** The held chunks, then the rest of the stream. */
async function* replay(head: Buffer[], rest: AsyncIterator<Buffer> | undefined): AsyncGenerator<Buffer> {
  while (head.length > 0) yield head.shift()!;
  if (rest === undefined) return;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}
