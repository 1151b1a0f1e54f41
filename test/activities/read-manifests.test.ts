import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { ExportPlan } from '../../src/activities/plan-document';
import { readManifests } from '../../src/activities/read-manifests';
import { StagingLayout } from '../../src/orchestration/staging-layout';
import { createDirectoryStagingStore } from '../../src/storage/directory-staging-store';

const plan = {
  runId: 'run-1',
  tables: [{ schema: 'dbo', name: 'Orders', columns: [], estimatedRows: '2', firstPart: 0, partCount: 2 }],
  parts: [
    { tableIndex: 0, spec: { schema: 'dbo', table: 'Orders', segment: 0, estimatedRows: '1' } },
    { tableIndex: 0, spec: { schema: 'dbo', table: 'Orders', segment: 1, estimatedRows: '1' } },
  ],
} as unknown as ExportPlan; // only the fields readManifests reads

test('readManifests returns manifests in part order and names a part whose manifest is missing', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bacpac-flow-manifests-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const staging = createDirectoryStagingStore(root);
  await staging.writeJson(StagingLayout.manifest('run-1', 0), { partIndex: 0, rows: '1' });
  await assert.rejects(readManifests(staging, plan, 2), {
    message: /^\[PART_MISSING\] dbo\.Orders part 1 \(segment 1\) has no manifest/,
  });
  await staging.writeJson(StagingLayout.manifest('run-1', 1), { partIndex: 1, rows: '1' });
  const manifests = await readManifests(staging, plan, 2);
  assert.deepEqual(
    manifests.map((m) => m.partIndex),
    [0, 1],
  );
  await assert.rejects(readManifests(staging, plan, 3), { message: /^\[PLAN_INVALID\]/ });
});
