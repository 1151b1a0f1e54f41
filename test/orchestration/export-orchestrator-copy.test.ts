import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ActivityNames, type ExportPartInput } from '../../src/orchestration/contracts';
import type { CopyWaitSettings } from '../../src/orchestration/copy-contracts';
import { exportBacpacOrchestrator } from '../../src/orchestration/export-orchestrator';
import type { ExportCustomStatus } from '../../src/orchestration/export-status';
import { OrchestratorNames } from '../../src/orchestration/names';
import type { ExportOrchestrationInput } from '../../src/orchestration/orchestration-input';
import { manifest, orchestrationInput, planSummary, RUN_ID } from './helpers/fixtures';
import { ActionType, OrchestrationDriver, type Episode } from './helpers/orchestration-driver';
import { collect, drainParts } from './helpers/part-runner';

// RUN_ID is run-0001: the tag is its letters and digits, the name is written out here by hand.
const COPY = 'Sales_bacpac_run0001';
const SOURCE = orchestrationInput(2).request.source;
const RESULT = {
  blobUrl: 'https://acct.blob.core.windows.net/exports/Sales.bacpac',
  sizeBytes: 123456,
  tables: 1,
  rows: '2000',
};
const UNSUPPORTED =
  "Activity function 'startDatabaseCopy' failed: [CONSISTENCY_UNSUPPORTED] sql1.database.windows.net/Sales: " +
  'consistency "copy" needs Azure SQL Database (engine edition 5), found engine edition 3 (Enterprise)';

function copyInput(copyWait?: CopyWaitSettings): ExportOrchestrationInput {
  const input = orchestrationInput(2);
  return {
    ...input,
    request: { ...input.request, options: { ...input.request.options, consistency: 'copy' } },
    settings: { ...input.settings, ...(copyWait ? { copyWait } : {}) },
  };
}

function newDriver(copyWait?: CopyWaitSettings): OrchestrationDriver {
  return new OrchestrationDriver(
    exportBacpacOrchestrator,
    OrchestratorNames.exportBacpac,
    copyInput(copyWait),
  );
}

function only(episode: Episode): { id: number; name?: string; input?: unknown; type: number; fireAt?: Date } {
  assert.equal(episode.scheduled.length, 1, `one new action, found ${episode.scheduled.length}`);
  const { id, action } = episode.scheduled[0]!;
  return {
    id,
    type: action.actionType,
    ...(action.functionName === undefined ? {} : { name: action.functionName }),
    ...(action.input === undefined ? {} : { input: action.input }),
    ...(action.fireAt === undefined ? {} : { fireAt: new Date(action.fireAt) }),
  };
}

function consistencyOf(episode: Episode): ExportCustomStatus['consistency'] {
  return (episode.state.customStatus as ExportCustomStatus).consistency;
}

/** Runs the orchestrator until the copy is online and planExport is scheduled; returns its episode. */
async function copyOnline(
  driver: OrchestrationDriver,
  first?: Episode,
): Promise<{ plan: Episode; timersMs: number[] }> {
  const start = only(first ?? (await driver.run()));
  driver.complete(start.id, { copyDatabase: COPY, sourceDatabase: 'Sales' });
  const timersMs: number[] = [];
  const states = [{ state: 'copying', percent: 40 }, { state: 'copying', percent: 80 }, { state: 'copying' }];
  for (let poll = 0; ; poll += 1) {
    const timer = only(await driver.run());
    assert.equal(timer.type, ActionType.CreateTimer);
    timersMs.push(timer.fireAt!.getTime() - driver.now.getTime());
    driver.fireTimer(timer.id);
    const status = only(await driver.run());
    assert.equal(status.name, ActivityNames.databaseCopyStatus);
    assert.deepEqual(status.input, { source: SOURCE, copyDatabase: COPY });
    driver.complete(status.id, states[poll] ?? { state: 'online' });
    if (poll === states.length) return { plan: await driver.run(), timersMs };
  }
}

describe('exportBacpac orchestrator with consistency "copy"', () => {
  test('starts the copy, polls it on growing durable timers until online, then plans the copy under the original name', async () => {
    const driver = newDriver();
    const first = await driver.run();
    const start = only(first);
    assert.equal(start.name, ActivityNames.startDatabaseCopy);
    assert.equal(start.type, ActionType.CallActivityWithRetry);
    assert.deepEqual(start.input, { runId: RUN_ID, source: SOURCE });
    assert.deepEqual(consistencyOf(first), {
      mode: 'copy',
      consistent: false,
      copyDatabase: COPY,
      copyState: 'starting',
    });

    const { plan, timersMs } = await copyOnline(driver, first);
    assert.deepEqual(timersMs, [30_000, 60_000, 120_000, 120_000]);
    const planCall = only(plan);
    assert.equal(planCall.name, ActivityNames.planExport);
    const request = copyInput().request;
    assert.deepEqual(planCall.input, {
      runId: RUN_ID,
      request: { ...request, source: { ...request.source, database: COPY } },
      databaseName: 'Sales',
    });
    assert.deepEqual(consistencyOf(plan), {
      mode: 'copy',
      consistent: true,
      copyDatabase: COPY,
      copyState: 'online',
    });
  });

  test('shows the copy percent while copying', async () => {
    const driver = newDriver();
    driver.complete(only(await driver.run()).id, { copyDatabase: COPY, sourceDatabase: 'Sales' });
    driver.fireTimer(only(await driver.run()).id);
    driver.complete(only(await driver.run()).id, { state: 'copying', percent: 40 });
    const waiting = await driver.run();
    assert.equal(consistencyOf(waiting)?.copyPercent, 40);
    assert.equal(consistencyOf(waiting)?.copyState, 'copying');
    assert.equal((waiting.state.customStatus as ExportCustomStatus).phase, 'planning');
  });

  test('success: export, assemble, cleanup, then the copy is dropped; the result says consistent', async () => {
    const driver = newDriver();
    const { plan } = await copyOnline(driver);
    driver.complete(only(plan).id, planSummary(1, 2));
    const { last } = await drainParts(driver, await driver.run(), (p, id) =>
      driver.complete(id, manifest(p, 2, '1000')),
    );
    const assemble = only(last);
    assert.equal(assemble.name, ActivityNames.assembleBacpac);
    driver.complete(assemble.id, RESULT);
    const cleanup = only(await driver.run());
    assert.equal(cleanup.name, ActivityNames.cleanupStaging);
    driver.complete(cleanup.id, { deleted: 5 });
    const dropping = await driver.run();
    const drop = only(dropping);
    assert.equal(drop.name, ActivityNames.dropDatabaseCopy);
    assert.deepEqual(drop.input, { source: SOURCE, copyDatabase: COPY });
    assert.equal(dropping.state.isDone, false, 'the result waits for the drop');
    driver.complete(drop.id, { copyDatabase: COPY });
    const done = await driver.run();
    assert.equal(done.state.isDone, true);
    assert.deepEqual(done.state.output, { ...RESULT, consistent: true });
    assert.deepEqual(consistencyOf(done), {
      mode: 'copy',
      consistent: true,
      copyDatabase: COPY,
      copyState: 'dropped',
    });
  });

  test('a part failing for good: cleanup, then the copy is dropped, then the part failure', async () => {
    const driver = newDriver();
    const { plan } = await copyOnline(driver);
    driver.complete(only(plan).id, planSummary(1, 1));
    const inFlight = new Map<number, number>();
    const [timer] = collect(await driver.run(), inFlight);
    driver.fireTimer(timer!);
    await driver.run();
    const reason =
      "Activity function 'exportPart' failed: [SQL_ERROR] 4060 Cannot open database (while reading [dbo].[T0])";
    const partInput: ExportPartInput = {
      runId: RUN_ID,
      planBlob: `${RUN_ID}/plan.json`,
      partIndex: 0,
      compression: 'normal',
    };
    let attempt = inFlight.get(0)!;
    for (let retry = 0; retry < 2; retry += 1) {
      attempt = driver.failAndRetry(attempt, reason, ActivityNames.exportPart, partInput).retryId;
      await driver.run();
    }
    driver.failLastAttempt(attempt, reason);
    const cleanup = only(await driver.run());
    assert.equal(cleanup.name, ActivityNames.cleanupStaging);
    driver.complete(cleanup.id, { deleted: 2 });
    const drop = only(await driver.run());
    assert.equal(drop.name, ActivityNames.dropDatabaseCopy);
    assert.deepEqual(drop.input, { source: SOURCE, copyDatabase: COPY });
    driver.complete(drop.id, { copyDatabase: COPY });
    const failed = await driver.run();
    assert.equal(
      failed.failure,
      '[SQL_ERROR] dbo.T0 part 0: 4060 Cannot open database (while reading [dbo].[T0])',
    );
    assert.equal(consistencyOf(failed)?.copyState, 'dropped');
  });

  test('a copy the server reports failed fails the export with [COPY_FAILED]; the copy is still dropped', async () => {
    const driver = newDriver();
    driver.complete(only(await driver.run()).id, { copyDatabase: COPY, sourceDatabase: 'Sales' });
    driver.fireTimer(only(await driver.run()).id);
    driver.complete(only(await driver.run()).id, { state: 'failed', message: 'out of storage' });
    const cleanup = only(await driver.run());
    assert.equal(cleanup.name, ActivityNames.cleanupStaging);
    driver.complete(cleanup.id, { deleted: 0 });
    const drop = only(await driver.run());
    assert.equal(drop.name, ActivityNames.dropDatabaseCopy);
    driver.complete(drop.id, { copyDatabase: COPY });
    const failed = await driver.run();
    assert.equal(
      failed.failure,
      `[COPY_FAILED] copy [${COPY}] of sql1.database.windows.net/Sales failed: out of storage`,
    );
    assert.equal(consistencyOf(failed)?.consistent, false);
  });

  test('a copy not online within the maximum wait fails with [COPY_TIMEOUT]; the last timer stops at the deadline', async () => {
    const driver = newDriver({ firstPollSeconds: 30, maxPollSeconds: 120, maxWaitSeconds: 3 });
    driver.complete(only(await driver.run()).id, { copyDatabase: COPY, sourceDatabase: 'Sales' });
    const delays: number[] = [];
    let episode = await driver.run();
    while (episode.scheduled[0]?.action.actionType === ActionType.CreateTimer) {
      const timer = only(episode);
      delays.push(timer.fireAt!.getTime() - driver.now.getTime());
      driver.fireTimer(timer.id);
      driver.complete(only(await driver.run()).id, { state: 'copying', percent: 7 });
      episode = await driver.run();
    }
    // The driver's clock moves 1 s per event: the deadline (3 s after the start) caps each wait.
    assert.deepEqual(delays, [3_000, 1_000]);
    const cleanup = only(episode);
    assert.equal(cleanup.name, ActivityNames.cleanupStaging);
    driver.complete(cleanup.id, { deleted: 0 });
    driver.complete(only(await driver.run()).id, { copyDatabase: COPY });
    const failed = await driver.run();
    assert.equal(
      failed.failure,
      `[COPY_TIMEOUT] copy [${COPY}] of sql1.database.windows.net/Sales was not online after 3 s (last state: copying, 7%)`,
    );
  });

  test('off Azure SQL Database the copy is refused: no plan, staging cleanup, no drop, [CONSISTENCY_UNSUPPORTED]', async () => {
    const driver = newDriver();
    let attempt = only(await driver.run()).id;
    for (let retry = 0; retry < 2; retry += 1) {
      attempt = driver.failAndRetry(attempt, UNSUPPORTED, ActivityNames.startDatabaseCopy, {
        runId: RUN_ID,
        source: SOURCE,
      }).retryId;
      assert.equal((await driver.run()).scheduled.length, 0);
    }
    driver.failLastAttempt(attempt, UNSUPPORTED);
    const cleanup = only(await driver.run());
    assert.equal(cleanup.name, ActivityNames.cleanupStaging);
    driver.complete(cleanup.id, { deleted: 0 });
    const failed = await driver.run();
    assert.equal(failed.scheduled.length, 0, 'nothing was created, so nothing is dropped');
    assert.match(
      failed.failure ?? '',
      /^\[CONSISTENCY_UNSUPPORTED\] sql1\.database\.windows\.net\/Sales: consistency "copy" needs Azure SQL Database/,
    );
    assert.deepEqual(consistencyOf(failed), {
      mode: 'copy',
      consistent: false,
      copyDatabase: COPY,
      copyState: 'starting',
    });
  });

  test('a failed drop keeps the result and shows drop-failed with the reason', async () => {
    const driver = newDriver();
    const { plan } = await copyOnline(driver);
    driver.complete(only(plan).id, planSummary(1, 1));
    const { last } = await drainParts(driver, await driver.run(), (p, id) =>
      driver.complete(id, manifest(p, 1)),
    );
    driver.complete(only(last).id, RESULT);
    driver.complete(only(await driver.run()).id, { deleted: 3 });
    const reason =
      "Activity function 'dropDatabaseCopy' failed: [SQL_ERROR] 40508 not allowed (dropping copy)";
    let attempt = only(await driver.run()).id;
    for (let retry = 0; retry < 2; retry += 1) {
      attempt = driver.failAndRetry(attempt, reason, ActivityNames.dropDatabaseCopy, {
        source: SOURCE,
        copyDatabase: COPY,
      }).retryId;
      await driver.run();
    }
    driver.failLastAttempt(attempt, reason);
    const done = await driver.run();
    assert.equal(done.state.isDone, true);
    assert.deepEqual(done.state.output, { ...RESULT, consistent: true });
    assert.equal(consistencyOf(done)?.copyState, 'drop-failed');
    assert.equal(consistencyOf(done)?.copyDropError, '[SQL_ERROR] 40508 not allowed (dropping copy)');
  });

  test('snapshot and none report their mode, not consistent, and never touch copies', async () => {
    for (const consistency of ['none', 'snapshot'] as const) {
      const input = orchestrationInput(2);
      const driver = new OrchestrationDriver(exportBacpacOrchestrator, OrchestratorNames.exportBacpac, {
        ...input,
        request: { ...input.request, options: { ...input.request.options, consistency } },
      });
      const first = await driver.run();
      assert.equal(only(first).name, ActivityNames.planExport);
      assert.deepEqual(consistencyOf(first), { mode: consistency, consistent: false });
    }
  });
});
