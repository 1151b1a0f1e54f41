import { openBacpac, type BacpacPackage } from '../reader';
import type { RandomAccessSource } from '../zip';
import { messageOf, type ProblemList } from './problem-list';
import { describeCutShort } from './truncated-zip';
import { VerifyCode } from './types';

function entryOf(error: unknown): string | undefined {
  if (error instanceof Error && 'details' in error) {
    const entry = (error.details as Record<string, unknown> | undefined)?.entry;
    if (typeof entry === 'string') return entry;
  }
  return undefined;
}

/**
 * Opens the package's ZIP structure. When it cannot be read, records one ZIP problem (saying where
 * the file was cut short when it was, and naming the entry concerned when known) and returns undefined.
 */
export async function openPackage(
  source: RandomAccessSource,
  problems: ProblemList,
): Promise<BacpacPackage | undefined> {
  try {
    return await openBacpac({ size: source.size, read: (offset, length) => source.read(offset, length) });
  } catch (error) {
    const cut = await describeCutShort(source).catch(() => undefined);
    const part = entryOf(error) ?? (cut === undefined ? undefined : /entry "([^"]*)"/.exec(cut)?.[1]);
    problems.error(
      VerifyCode.Zip,
      `the ZIP structure cannot be read: ${messageOf(error)}${cut === undefined ? '' : `; ${cut}`}`,
      { ...(part === undefined ? {} : { part }) },
    );
    return undefined;
  }
}
