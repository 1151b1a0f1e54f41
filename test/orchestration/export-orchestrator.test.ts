import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ActivityNames, type ExportPartInput } from '../../src/orchestration/contracts';
import type { ExportCustomStatus } from '../../src/orchestration/export-status';
import { exportBacpacOrchestrator } from '../../src/orchestration/export-orchestrator';
import { OrchestratorNames } from '../../src/orchestration/names';
import { manifest, orchestrationInput, planSummary, RUN_ID } from './helpers/fixtures';
import { ActionType, leaves, OrchestrationDriver, type Episode } from './helpers/orchestration-driver';

function newDriver(maxParallelism: number, partsPerBatch = 250): OrchestrationDriver {
  return new OrchestrationDriver(
    exportBacpacOrchestrator,
    OrchestratorNames.exportBacpac,
    orchestrationInput(maxParallelism, partsPerBatch),
  );
}

function partIds(episode: Episode): Map<number, number> {
  const ids = new Map<number, number>();
  for (const { id, action } of episode.scheduled) {
    if (action.functionName === ActivityNames.exportPart)
      ids.set((action.input as ExportPartInput).partIndex, id);
  }
  return ids;
}

function timerIds(episode: Episode): number[] {
  return episode.scheduled.filter((s) => s.action.actionType === ActionType.CreateTimer).map((s) => s.id);
}

describe('exportBacpac orchestrator', () => {
  test('plans first, with the run id and request as the activity input', async () => {
    const driver = newDriver(2);
    const first = await driver.run();
    assert.equal(first.scheduled.length, 1);
    const [plan] = first.scheduled;
    assert.equal(plan!.action.functionName, ActivityNames.planExport);
    assert.equal(plan!.action.actionType, ActionType.CallActivityWithRetry);
    assert.deepEqual(plan!.action.input, { runId: RUN_ID, request: orchestrationInput(2).request });
    const status = first.state.customStatus as ExportCustomStatus;
    assert.equal(status.phase, 'planning');
    assert.equal(status.timings.startedAt, '2024-01-15T08:00:00.000Z');
  });

  test('fans out one exportPart per part, never more than maxParallelism before completions', async () => {
    const driver = newDriver(3);
    await driver.run();
    driver.complete(0, planSummary(2, 4)); // 8 parts
    const fanOut = await driver.run();
    const ids = partIds(fanOut);
    assert.deepEqual([...ids.keys()], [0, 1, 2], 'three parts start, the rest wait');
    for (const [partIndex] of ids) {
      const action = fanOut.scheduled.find((s) => s.id === ids.get(partIndex))!.action;
      assert.equal(action.actionType, ActionType.CallActivityWithRetry);
      assert.deepEqual(action.input, {
        runId: RUN_ID,
        planBlob: `${RUN_ID}/plan.json`,
        partIndex,
        compression: 'normal',
      });
    }
    // The start step also schedules a timer due now, so the extension gets past it at once.
    const [timer] = timerIds(fanOut);
    assert.ok(timer !== undefined);

    driver.fireTimer(timer);
    const waiting = await driver.run();
    assert.equal(waiting.scheduled.length, 0, 'waiting on scheduled parts sends no action');

    const started = new Map(ids);
    let inFlight = 3;
    for (let done = 0; done < 8; done += 1) {
      const [partIndex, id] = [...started.entries()].sort((a, b) => a[0] - b[0])[0]!;
      started.delete(partIndex);
      driver.complete(id, manifest(partIndex, 4));
      inFlight -= 1;
      const episode = await driver.run();
      for (const [p, newId] of partIds(episode)) {
        started.set(p, newId);
        inFlight += 1;
      }
      assert.ok(inFlight <= 3, `at most 3 parts in flight, found ${inFlight}`);
      for (const t of timerIds(episode)) driver.fireTimer(t);
      if (timerIds(episode).length > 0) await driver.run();
    }
    const exportParts = leaves(
      driver.history.length > 0 ? (await driver.replay()).state.actions[0]! : [],
    ).filter((a) => a.functionName === ActivityNames.exportPart);
    assert.equal(exportParts.length, 8, 'every part exported exactly once');
    const indexes = exportParts.map((a) => (a.input as ExportPartInput).partIndex);
    assert.deepEqual(indexes, [0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
