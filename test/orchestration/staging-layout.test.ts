import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StagingLayout } from '../../src/orchestration/staging-layout';

test('per-run staging names', () => {
  assert.equal(StagingLayout.prefix('run-1'), 'run-1/');
  assert.equal(StagingLayout.plan('run-1'), 'run-1/plan.json');
  assert.equal(StagingLayout.part('run-1', 7), 'run-1/parts/00007.bcp.deflate');
  assert.equal(StagingLayout.part('run-1', 123456), 'run-1/parts/123456.bcp.deflate');
  assert.equal(StagingLayout.manifest('run-1', 42), 'run-1/manifests/00042.json');
  assert.equal(StagingLayout.cancelMarker('run-1'), 'run-1/CANCELLED');
});

test('run ids that could escape their prefix are refused', () => {
  assert.throws(() => StagingLayout.prefix('../x'), /\[STAGING_INVALID_RUN_ID\] run id "\.\.\/x"/);
  assert.throws(() => StagingLayout.prefix(''), /STAGING_INVALID_RUN_ID/);
  assert.throws(() => StagingLayout.part('run-1', -1), /\[STAGING_INVALID_PART\] part index -1/);
});
