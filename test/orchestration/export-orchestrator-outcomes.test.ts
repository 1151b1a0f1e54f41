import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ActivityNames, type AssembleInput, type ExportPartInput } from '../../src/orchestration/contracts';
import { exportBacpacOrchestrator } from '../../src/orchestration/export-orchestrator';
import type { ExportCustomStatus } from '../../src/orchestration/export-status';
import { OrchestratorNames } from '../../src/orchestration/names';
import { manifest, orchestrationInput, planSummary, RUN_ID } from './helpers/fixtures';
import { ActionType, leaves, OrchestrationDriver } from './helpers/orchestration-driver';
import { collect, drainParts } from './helpers/part-runner';

const RESULT = {
  blobUrl: 'https://acct.blob.core.windows.net/exports/Sales.bacpac',
  sizeBytes: 123456,
  tables: 2,
  rows: '6000',
};

async function planned(maxParallelism: number, tables: number, partsPerTable: number) {
  const driver = new OrchestrationDriver(
    exportBacpacOrchestrator,
    OrchestratorNames.exportBacpac,
    orchestrationInput(maxParallelism),
  );
  await driver.run();
  driver.complete(0, planSummary(tables, partsPerTable));
  return { driver, fanOut: await driver.run() };
}

describe('exportBacpac orchestrator outcomes', () => {
  test('success: assemble with the plan and target, then cleanup, then the result', async () => {
    const { driver, fanOut } = await planned(2, 2, 3);
    const { last, maxInFlight } = await drainParts(driver, fanOut, (p, id) =>
      driver.complete(id, manifest(p, 3, '1000')),
    );
    assert.equal(maxInFlight, 2);
    const [assemble] = last.scheduled;
    assert.equal(assemble!.action.functionName, ActivityNames.assembleBacpac);
    const expected: AssembleInput = {
      runId: RUN_ID,
      planBlob: `${RUN_ID}/plan.json`,
      partsTotal: 6,
      target: orchestrationInput(2).request.target,
      overwrite: false,
    };
    assert.deepEqual(assemble!.action.input, expected);
    const assembling = last.state.customStatus as ExportCustomStatus;
    assert.equal(assembling.phase, 'assembling');
    // The target it writes, which the starter uses to refuse a second export of the same blob.
    assert.equal(assembling.target, 'https://acct.blob.core.windows.net/exports/Sales.bacpac');
    assert.deepEqual(assembling.progress, {
      tablesTotal: 2,
      tablesDone: 2,
      partsTotal: 6,
      partsDone: 6,
      rowsExported: '6000',
      rowsEstimated: '6000',
      bytesWritten: 6000,
      percent: 95,
    });

    driver.complete(assemble!.id, RESULT);
    const cleaning = await driver.run();
    assert.equal(cleaning.scheduled[0]!.action.functionName, ActivityNames.cleanupStaging);
    // The target goes with it, so blocks written into it by a run that did not commit are dropped.
    assert.deepEqual(cleaning.scheduled[0]!.action.input, {
      runId: RUN_ID,
      target: orchestrationInput(2).request.target,
    });
    assert.equal((cleaning.state.customStatus as ExportCustomStatus).phase, 'cleaning-up');

    driver.complete(cleaning.scheduled[0]!.id, { deleted: 13 });
    const done = await driver.run();
    assert.equal(done.state.isDone, true);
    assert.deepEqual(done.state.output, { ...RESULT, consistent: false });
    const status = done.state.customStatus as ExportCustomStatus;
    assert.equal(status.phase, 'done');
    assert.deepEqual(status.consistency, { mode: 'none', consistent: false });
    assert.equal(status.progress.percent, 100);
    assert.ok(
      status.timings.plannedAt &&
        status.timings.exportedAt &&
        status.timings.assembledAt &&
        status.timings.finishedAt,
    );
  });

  test('custom status counts parts, rows (exactly, beyond 2^53) and finished tables after each part', async () => {
    const { driver, fanOut } = await planned(4, 2, 2);
    const inFlight = new Map<number, number>();
    const timers = collect(fanOut, inFlight);
    driver.fireTimer(timers[0]!);
    await driver.run();
    driver.complete(inFlight.get(0)!, manifest(0, 2, '9007199254740993'));
    const afterOne = (await driver.run()).state.customStatus as ExportCustomStatus;
    assert.equal(afterOne.phase, 'exporting');
    assert.deepEqual(
      { ...afterOne.progress },
      {
        tablesTotal: 2,
        tablesDone: 0,
        partsTotal: 4,
        partsDone: 1,
        rowsExported: '9007199254740993',
        rowsEstimated: '4000',
        bytesWritten: 1000,
        percent: 22,
      },
    );
    driver.complete(inFlight.get(1)!, manifest(1, 2, '7'));
    const afterTwo = (await driver.run()).state.customStatus as ExportCustomStatus;
    assert.equal(afterTwo.progress.tablesDone, 1, 'dbo.T0 has both its parts');
    assert.equal(afterTwo.progress.rowsExported, '9007199254741000');
    assert.ok(JSON.stringify(afterTwo).length < 2048, 'custom status stays small');
  });

  test('a failed part retries alone: only that part is scheduled again', async () => {
    const { driver, fanOut } = await planned(3, 1, 3);
    const inFlight = new Map<number, number>();
    const [timer] = collect(fanOut, inFlight);
    driver.fireTimer(timer!);
    await driver.run();
    const input: ExportPartInput = {
      runId: RUN_ID,
      planBlob: `${RUN_ID}/plan.json`,
      partIndex: 1,
      compression: 'normal',
    };
    const { retryId } = driver.failAndRetry(
      inFlight.get(1)!,
      '[SQL_TIMEOUT] dbo.T0 part 1: read timed out',
      ActivityNames.exportPart,
      input,
    );
    const afterRetry = await driver.run();
    assert.equal(
      afterRetry.scheduled.length,
      0,
      "the orchestrator schedules nothing; the retry is the extension's",
    );
    const exportCalls = leaves(afterRetry.state.actions[0]!).filter(
      (a) => a.functionName === ActivityNames.exportPart,
    );
    assert.equal(exportCalls.length, 3, 'parts 0 and 2 are not scheduled again');

    driver.complete(inFlight.get(0)!, manifest(0, 3));
    driver.complete(retryId, manifest(1, 3));
    driver.complete(inFlight.get(2)!, manifest(2, 3));
    const next = await driver.run();
    assert.equal(next.scheduled[0]!.action.functionName, ActivityNames.assembleBacpac);
    assert.equal((next.state.customStatus as ExportCustomStatus).progress.partsDone, 3);
  });

  test('a part failing for good: in-flight parts settle, no new part starts, cleanup runs, then a coded failure naming table and part', async () => {
    const { driver, fanOut } = await planned(2, 2, 2);
    const inFlight = new Map<number, number>();
    const [timer] = collect(fanOut, inFlight);
    driver.fireTimer(timer!);
    await driver.run();
    const reason =
      "Activity function 'exportPart' failed: [BCP_DECIMAL_OVERFLOW] dbo.T0.Total row 1834: value 1e39 does not fit decimal(38,0)";
    const input: ExportPartInput = {
      runId: RUN_ID,
      planBlob: `${RUN_ID}/plan.json`,
      partIndex: 1,
      compression: 'normal',
    };
    let attempt = inFlight.get(1)!;
    for (let retry = 0; retry < 2; retry += 1) {
      attempt = driver.failAndRetry(attempt, reason, ActivityNames.exportPart, input).retryId;
      assert.equal((await driver.run()).scheduled.length, 0);
    }
    driver.failLastAttempt(attempt, reason);
    const afterFailure = await driver.run();
    assert.equal(
      afterFailure.scheduled.length,
      0,
      'no new part starts after a failure; part 0 is still running',
    );

    driver.complete(inFlight.get(0)!, manifest(0, 2));
    const cleanup = await driver.run();
    assert.deepEqual(
      cleanup.scheduled.map((s) => s.action.functionName),
      [ActivityNames.cleanupStaging],
      'cleanup, and no assemble',
    );
    driver.complete(cleanup.scheduled[0]!.id, { deleted: 4 });
    const failed = await driver.run();
    assert.equal(failed.state.isDone, false);
    assert.equal(
      failed.failure,
      '[BCP_DECIMAL_OVERFLOW] dbo.T0 part 1: dbo.T0.Total row 1834: value 1e39 does not fit decimal(38,0)',
    );
    const status = failed.state.customStatus as ExportCustomStatus;
    assert.deepEqual(status.error, {
      code: 'BCP_DECIMAL_OVERFLOW',
      message: 'dbo.T0.Total row 1834: value 1e39 does not fit decimal(38,0)',
      part: 1,
      table: 'dbo.T0',
    });
    assert.equal(status.progress.partsDone, 1);
  });

  test("a planning failure still cleans up, then fails with the planner's code", async () => {
    const driver = new OrchestrationDriver(
      exportBacpacOrchestrator,
      OrchestratorNames.exportBacpac,
      orchestrationInput(2),
    );
    await driver.run();
    const reason =
      "Activity function 'planExport' failed: [SQL_LOGIN_FAILED] login to sql1.database.windows.net failed";
    const planInput = { runId: RUN_ID, request: orchestrationInput(2).request };
    let attempt = 0;
    for (let retry = 0; retry < 2; retry += 1) {
      attempt = driver.failAndRetry(attempt, reason, ActivityNames.planExport, planInput).retryId;
      await driver.run();
    }
    driver.failLastAttempt(attempt, reason);
    const cleanup = await driver.run();
    assert.equal(cleanup.scheduled[0]!.action.functionName, ActivityNames.cleanupStaging);
    assert.deepEqual(cleanup.scheduled[0]!.action.input, {
      runId: RUN_ID,
      target: orchestrationInput(2).request.target,
    });
    driver.complete(cleanup.scheduled[0]!.id, { deleted: 0 });
    const failed = await driver.run();
    assert.equal(failed.failure, '[SQL_LOGIN_FAILED] login to sql1.database.windows.net failed');
  });

  test('replaying the same history twice gives the same actions and status', async () => {
    const { driver, fanOut } = await planned(2, 2, 2);
    const inFlight = new Map<number, number>();
    const [timer] = collect(fanOut, inFlight);
    driver.fireTimer(timer!);
    await driver.run();
    driver.complete(inFlight.get(0)!, manifest(0, 2));
    const first = await driver.replay();
    const second = await driver.replay();
    assert.deepEqual(JSON.parse(JSON.stringify(second.state)), JSON.parse(JSON.stringify(first.state)));
    const leafTypes = leaves(first.state.actions[0]!).map((a) => a.actionType);
    assert.deepEqual(leafTypes, [
      ActionType.CallActivityWithRetry, // plan
      ActionType.CallActivityWithRetry, // part 0
      ActionType.CallActivityWithRetry, // part 1
      ActionType.CreateTimer,
      ActionType.CallActivityWithRetry, // part 2
      ActionType.CreateTimer,
    ]);
  });
});
