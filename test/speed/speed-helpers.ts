import type { ContainerClient } from '@azure/storage-blob';
import type { ExportEnvironment } from '../../src/activities';
import type { BacpacTarget, CommittedArchive } from '../../src/storage/bacpac-target';
import { verifyBacpac, type VerifyReport } from '../../src/bacpac/verify';
import { fileSource } from '../../src/bacpac/zip';

/**
 * The same environment, with every target recording what its commit returned: the archive's size
 * and the bytes that passed through this process (`bytesMoved`).
 */
export function recordingCommits(env: ExportEnvironment): {
  env: ExportEnvironment;
  commits: CommittedArchive[];
} {
  const commits: CommittedArchive[] = [];
  const openTarget = (spec: Parameters<ExportEnvironment['openTarget']>[0]): BacpacTarget => {
    const target = env.openTarget(spec);
    return {
      ...target,
      async commit(pieces, staging, options) {
        const committed = await target.commit(pieces, staging, options);
        commits.push(committed);
        return committed;
      },
    };
  };
  return { env: { ...env, openTarget }, commits };
}

/** The committed blocks of a block blob, as the service lists them. */
export async function committedBlocks(
  container: ContainerClient,
  name: string,
): Promise<{ name: string; size: number }[]> {
  const list = await container.getBlockBlobClient(name).getBlockList('committed');
  return (list.committedBlocks ?? []).map((b) => ({ name: b.name, size: b.size }));
}

/** verifyBacpac over a local file. */
export async function verifyFile(file: string): Promise<VerifyReport> {
  const source = await fileSource(file);
  try {
    return await verifyBacpac(source);
  } finally {
    await source.close?.();
  }
}

/** The verify problems of severity 'error' (an empty list for a valid package). */
export function errorsOf(report: VerifyReport): string[] {
  return report.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);
}
