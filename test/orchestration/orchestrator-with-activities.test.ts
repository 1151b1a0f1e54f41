/**
 * The durable orchestrator and the real activities together, without the Functions host: the
 * orchestrator runs under the durable-functions library's own replay (through OrchestrationDriver),
 * and every activity it schedules is executed for real — planExport, exportPart, assembleBacpac and
 * cleanupStaging from src/activities — against Azurite, re-exporting real BACPAC fixtures through
 * the BACPAC-file source. Its result is what the host would see.
 */
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { createActivities } from '../../src/activities';
import { verifyBacpac } from '../../src/bacpac/verify';
import { fileSource } from '../../src/bacpac/zip';
import type { ActivityImplementations } from '../../src/orchestration/contracts';
import { exportBacpacOrchestrator } from '../../src/orchestration/export-orchestrator';
import { OrchestratorNames } from '../../src/orchestration/names';
import { pipelineSettings } from '../../src/orchestration/orchestration-input';
import { createBacpacFileSource, type BacpacFileSourceOptions } from '../../src/source/bacpac-file';
import { fixturePath, readFixtureEntries } from '../helpers/fixtures';
import { blobNames, downloadToTemp, pipelineSetup } from '../runner/pipeline-helpers';
import {
  ActionType,
  type Episode,
  type OrchestrationDriver as Driver,
  OrchestrationDriver,
} from './helpers/orchestration-driver';

/**
 * Plays the host: runs each scheduled activity for real and reports its outcome (a failure as the
 * last attempt, so retries are the orchestrator's test elsewhere), fires timers, until the
 * orchestration finishes.
 */
async function host(driver: Driver, activities: ActivityImplementations): Promise<Episode> {
  let episode = await driver.run();
  const pending = [...episode.scheduled];
  while (!episode.state.isDone && episode.failure === undefined) {
    const next = pending.shift();
    if (next === undefined) throw new Error('the orchestration waits for nothing it scheduled');
    const { id, action } = next;
    if (action.actionType === ActionType.CreateTimer) {
      driver.fireTimer(id);
    } else if (
      action.actionType === ActionType.CallActivity ||
      action.actionType === ActionType.CallActivityWithRetry
    ) {
      const name = action.functionName as keyof ActivityImplementations;
      const run = (input: unknown): Promise<unknown> =>
        (activities[name] as (this: void, input: unknown) => Promise<unknown>)(input);
      try {
        driver.complete(id, await run(action.input));
      } catch (error) {
        driver.failLastAttempt(id, error instanceof Error ? error.message : String(error));
      }
    } else {
      throw new Error(`this host does not run action type ${action.actionType}`);
    }
    episode = await driver.run();
    pending.push(...episode.scheduled);
  }
  return episode;
}

async function orchestrate(t: TestContext, fixture: string, sourceOptions: BacpacFileSourceOptions = {}) {
  const setup = await pipelineSetup(t, () => createBacpacFileSource(fixturePath(fixture), sourceOptions));
  const request = setup.request(fixture.replace(/\.bacpac$/, '-durable.bacpac'), { maxParallelism: 3 });
  const driver = new OrchestrationDriver(exportBacpacOrchestrator, OrchestratorNames.exportBacpac, {
    runId: 'run-durable',
    request,
    settings: pipelineSettings(1),
  });
  const episode = await host(driver, createActivities(setup.env));
  return { setup, request, episode };
}

describe('the orchestrator with the real activities', () => {
  for (const fixture of ['Northwind.bacpac', 'AdventureWorksLT2022.bacpac', 'bacpactod-Test.bacpac']) {
    test(`${fixture}: completes, commits a BACPAC that verifies, with the fixture's BCP parts, and cleans staging`, async (t) => {
      const { setup, request, episode } = await orchestrate(t, fixture);
      assert.equal(episode.failure, undefined);
      assert.equal(episode.state.isDone, true);
      const output = episode.state.output as { blobUrl: string; rows: string };
      assert.match(output.blobUrl, new RegExp(`${request.target.blobName}$`));

      assert.deepEqual(await blobNames(setup.staging), []);
      const file = await downloadToTemp(t, setup.targets, request.target.blobName);
      const source = await fileSource(file);
      const report = await verifyBacpac(source);
      await source.close?.();
      assert.equal(report.ok, true, JSON.stringify(report.problems));
      assert.equal(String(report.rowsTotal), output.rows);

      const original = await readFixtureEntries(fixture);
      const copy = await readFixtureEntries(file);
      for (const [name, bytes] of original) {
        if (name.startsWith('Data/')) assert.ok(copy.get(name)?.equals(bytes), `${name} differs`);
      }
      const status = episode.state.customStatus as {
        phase: string;
        progress: { partsDone: number; partsTotal: number };
      };
      assert.equal(status.progress.partsDone, status.progress.partsTotal);
    });
  }

  test('a part that fails for good fails the orchestration with its coded error, after cleanup, with no BACPAC', async (t) => {
    const { setup, episode } = await orchestrate(t, 'Northwind.bacpac', {
      failOnPart: { table: 'dbo.Customers', segment: 1, afterRows: 0 },
    });
    assert.match(episode.failure ?? '', /\[BACPAC_SOURCE_INJECTED_FAILURE\] dbo\.Customers part \d+/);
    assert.deepEqual(await blobNames(setup.staging), []);
    assert.deepEqual(await blobNames(setup.targets), []);
  });
});
