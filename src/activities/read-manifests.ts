import { BacpacError } from '../bacpac/errors';
import type { PartManifest } from '../orchestration/contracts';
import { StagingLayout } from '../orchestration/staging-layout';
import type { StagingStore } from '../storage/staging-store';
import type { ExportPlan } from './plan-document';
import { qualifiedName } from './plan-document';

const CONCURRENCY = 16;

/**
 * Reads the manifest of every part of the plan, in part order. A missing manifest is an error naming
 * the table and part: a BACPAC without one of its parts would import with rows silently missing.
 */
export async function readManifests(
  staging: StagingStore,
  plan: ExportPlan,
  partsTotal: number,
): Promise<PartManifest[]> {
  if (partsTotal !== plan.parts.length) {
    throw new BacpacError(
      'PLAN_INVALID',
      `the orchestration counted ${partsTotal} parts but the plan of ${plan.runId} has ${plan.parts.length}`,
    );
  }
  const manifests: PartManifest[] = new Array<PartManifest>(partsTotal);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < partsTotal) {
      const index = next++;
      const name = StagingLayout.manifest(plan.runId, index);
      try {
        manifests[index] = await staging.readJson<PartManifest>(name);
      } catch (error) {
        // One request per part normally; only a failed read asks whether the manifest exists at all.
        if (await staging.exists(name)) throw error;
        const part = plan.parts[index]!;
        const table = plan.tables[part.tableIndex]!;
        throw new BacpacError(
          'PART_MISSING',
          `${qualifiedName(table)} part ${index} (segment ${part.spec.segment}) has no manifest in ${staging.location}; ` +
            'it was never exported or its staging files were removed',
          { table: qualifiedName(table), part: index },
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, Math.max(1, partsTotal)) }, worker));
  return manifests;
}
