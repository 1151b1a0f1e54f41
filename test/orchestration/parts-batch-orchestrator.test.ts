import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ActivityNames } from '../../src/orchestration/contracts';
import { exportBacpacOrchestrator } from '../../src/orchestration/export-orchestrator';
import type { ExportCustomStatus } from '../../src/orchestration/export-status';
import { OrchestratorNames } from '../../src/orchestration/names';
import {
  exportPartsBatchOrchestrator,
  type PartsBatchInput,
} from '../../src/orchestration/parts-batch-orchestrator';
import { initialProgress, type ProgressState } from '../../src/orchestration/progress';
import { pipelineSettings } from '../../src/orchestration/orchestration-input';
import { manifest, orchestrationInput, planSummary, RUN_ID } from './helpers/fixtures';
import { ActionType, OrchestrationDriver } from './helpers/orchestration-driver';
import { drainParts } from './helpers/part-runner';

describe('batching many parts through sub-orchestrations', () => {
  test('1200 parts with 500 per batch run as three sequential batches of 500, 500 and 200 parts', async () => {
    const driver = new OrchestrationDriver(
      exportBacpacOrchestrator,
      OrchestratorNames.exportBacpac,
      orchestrationInput(8, 500),
    );
    await driver.run();
    driver.complete(0, planSummary(3, 400));
    const ranges: [number, number][] = [];
    let episode = await driver.run();
    let progress: ProgressState = initialProgress(3, 1200, '1200000');
    for (let batch = 0; batch < 3; batch += 1) {
      assert.equal(episode.scheduled.length, 1, 'one batch at a time; no activity in the parent');
      const { id, action } = episode.scheduled[0]!;
      assert.equal(action.actionType, ActionType.CallSubOrchestrator);
      assert.equal(action.functionName, OrchestratorNames.exportPartsBatch);
      const input = action.input as PartsBatchInput;
      ranges.push([input.firstPart, input.partCount]);
      assert.deepEqual(input.progress, progress, 'each batch starts from the progress so far');
      const status = episode.state.customStatus as ExportCustomStatus;
      assert.deepEqual(status.batch, { instanceId: action.instanceId, index: batch, count: 3 });
      progress = { ...progress, partsDone: progress.partsDone + input.partCount };
      driver.completeSub(id, progress);
      episode = await driver.run();
    }
    assert.deepEqual(ranges, [
      [0, 500],
      [500, 500],
      [1000, 200],
    ]);
    assert.equal(episode.scheduled[0]!.action.functionName, ActivityNames.assembleBacpac);
    const status = episode.state.customStatus as ExportCustomStatus;
    assert.equal(status.progress.partsDone, 1200);
    assert.equal(status.batch, undefined);
  });

  test("a failed batch fails the export with the batch's coded text, after cleanup", async () => {
    const driver = new OrchestrationDriver(
      exportBacpacOrchestrator,
      OrchestratorNames.exportBacpac,
      orchestrationInput(8, 10),
    );
    await driver.run();
    driver.complete(0, planSummary(2, 10));
    const first = await driver.run();
    driver.failSub(
      first.scheduled[0]!.id,
      "Orchestrator function 'exportPartsBatch' failed: [SQL_DEADLOCK] dbo.T0 part 7: chosen as deadlock victim",
    );
    const cleanup = await driver.run();
    assert.deepEqual(
      cleanup.scheduled.map((s) => s.action.functionName),
      [ActivityNames.cleanupStaging],
    );
    driver.complete(cleanup.scheduled[0]!.id, { deleted: 9 });
    const failed = await driver.run();
    assert.equal(failed.failure, '[SQL_DEADLOCK] dbo.T0 part 7: chosen as deadlock victim');
    assert.deepEqual((failed.state.customStatus as ExportCustomStatus).error, {
      code: 'SQL_DEADLOCK',
      message: 'chosen as deadlock victim',
      part: 7,
      table: 'dbo.T0',
    });
  });

  test('the batch sub-orchestration exports only its range, bounded, and returns the progress after it', async () => {
    const input: PartsBatchInput = {
      runId: RUN_ID,
      planBlob: `${RUN_ID}/plan.json`,
      compression: 'fast',
      maxParallelism: 2,
      partRetry: pipelineSettings(3).partRetry,
      firstPart: 4,
      partCount: 4,
      progress: {
        ...initialProgress(2, 8, '8000'),
        partsDone: 4,
        tablesDone: 1,
        rowsExported: '4000',
        bytesWritten: 4000,
      },
      tables: [{ name: 'dbo.T1', firstPart: 4, partCount: 4 }],
    };
    const driver = new OrchestrationDriver(
      exportPartsBatchOrchestrator,
      OrchestratorNames.exportPartsBatch,
      input,
      'batch-1',
    );
    const first = await driver.run();
    const seen: number[] = [];
    const { last, maxInFlight } = await drainParts(driver, first, (p, id) => {
      seen.push(p);
      driver.complete(id, manifest(p, 4));
    });
    assert.deepEqual(seen, [4, 5, 6, 7]);
    assert.equal(maxInFlight, 2);
    assert.equal(last.state.isDone, true);
    const output = last.state.output as ProgressState;
    assert.equal(output.partsDone, 8);
    assert.equal(output.tablesDone, 2);
    assert.equal(output.rowsExported, '8000');
    assert.equal((last.state.customStatus as ExportCustomStatus).progress.percent, 90);
  });
});
