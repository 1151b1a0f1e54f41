import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanupCancelledRunOrchestrator } from '../../src/orchestration/cancel-cleanup-orchestrator';
import { ActivityNames } from '../../src/orchestration/contracts';
import { OrchestratorNames } from '../../src/orchestration/names';
import { ActionType, OrchestrationDriver } from './helpers/orchestration-driver';

test('cancel cleanup waits out the grace period on a durable timer, then cleans staging and the target', async () => {
  const target = { container: 'bacpacs', blobName: 'sales.bacpac' };
  const driver = new OrchestrationDriver(
    cleanupCancelledRunOrchestrator,
    OrchestratorNames.cleanupCancelledRun,
    {
      runId: 'run-9',
      graceSeconds: 300,
      target,
    },
  );
  const first = await driver.run();
  assert.equal(first.scheduled.length, 1);
  const timer = first.scheduled[0]!;
  assert.equal(timer.action.actionType, ActionType.CreateTimer);
  assert.equal(new Date(timer.action.fireAt!).getTime() - driver.now.getTime(), 300_000);
  driver.fireTimer(timer.id);
  const second = await driver.run();
  assert.equal(second.scheduled[0]!.action.functionName, ActivityNames.cleanupStaging);
  assert.deepEqual(second.scheduled[0]!.action.input, { runId: 'run-9', target });
  driver.complete(second.scheduled[0]!.id, { deleted: 2 });
  const done = await driver.run();
  assert.deepEqual(done.state.output, { deleted: 2 });
  assert.equal(done.scheduled.length, 0, 'a run without a copy drops nothing');
});

test('cancel cleanup of a "copy" run drops the database copy after deleting the staging prefix', async () => {
  const copy = {
    source: {
      server: 'sql1.database.windows.net',
      database: 'Sales',
      authentication: 'managed-identity' as const,
    },
    copyDatabase: 'Sales_bacpac_run9',
  };
  const driver = new OrchestrationDriver(
    cleanupCancelledRunOrchestrator,
    OrchestratorNames.cleanupCancelledRun,
    { runId: 'run-9', graceSeconds: 60, copy },
  );
  driver.fireTimer((await driver.run()).scheduled[0]!.id);
  const cleanup = (await driver.run()).scheduled[0]!;
  assert.equal(cleanup.action.functionName, ActivityNames.cleanupStaging);
  driver.complete(cleanup.id, { deleted: 1 });
  const dropping = await driver.run();
  assert.equal(dropping.scheduled.length, 1);
  assert.equal(dropping.scheduled[0]!.action.functionName, ActivityNames.dropDatabaseCopy);
  assert.deepEqual(dropping.scheduled[0]!.action.input, copy);
  assert.equal(dropping.state.isDone, false);
  driver.complete(dropping.scheduled[0]!.id, { copyDatabase: copy.copyDatabase });
  const done = await driver.run();
  assert.deepEqual(done.state.output, { deleted: 1 });
});
