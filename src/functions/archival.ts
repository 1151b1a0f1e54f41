import { app, type InvocationContext, type Timer } from '@azure/functions';
import * as df from 'durable-functions';
import {
  applyRetention,
  ArchivalNames,
  archiveBacpacOrchestrator,
  createArchivalRuntime,
  getArchives,
  scheduledTimeOf,
  startDueArchives,
  writeRunRecord,
  type ApplyRetentionInput,
  type ArchivalRuntime,
  type ArchiveRunRecord,
} from '../archival';
import { loadConfig } from '../config';
import { exportsApiFromConfig } from './exports-api-from-config';

/**
 * Scheduled archival (v4 programming model): the timer `archiveTimer` on BACPAC_ARCHIVE_SCHEDULE
 * (registered only when that setting is present), the archiveBacpac orchestration with its two
 * activities, and GET /api/archives. The settings are validated at start-up; a problem is logged then,
 * and every firing and request reports it again instead of the host failing to start.
 */

let runtime: ArchivalRuntime | undefined;

function archival(): ArchivalRuntime {
  if (runtime === undefined) {
    const config = loadConfig(process.env);
    const api = exportsApiFromConfig(config, process.env);
    runtime = createArchivalRuntime(config.archive, {
      defaults: api.defaults,
      allowList: api.allowList,
      hasSetting: (name) => api.hasSetting(name),
      history: api.staging,
      pipeline: api.pipeline,
      targetContainer: (target) => api.targetContainer({ ...target, blobName: '' }),
      newRunId: () => api.newRunId(),
    });
  }
  return runtime;
}

try {
  const { jobs, schedule } = archival();
  if (schedule !== undefined)
    console.log(`bacpac-flow archival: ${jobs.length} job(s) on "${schedule.expression}" (UTC)`);
} catch (error) {
  console.error(
    `bacpac-flow archival settings are invalid: ${error instanceof Error ? error.message : String(error)}`,
  );
}

df.app.orchestration(ArchivalNames.archiveBacpac, archiveBacpacOrchestrator);

df.app.activity(ArchivalNames.applyArchiveRetention, {
  handler: (input: ApplyRetentionInput, context: InvocationContext) =>
    applyRetention(archival().targetContainer(input), input, (message) => context.log(message)),
});

df.app.activity(ArchivalNames.recordArchiveRun, {
  handler: (record: ArchiveRunRecord) => writeRunRecord(archival().history, record),
});

if ((process.env.BACPAC_ARCHIVE_SCHEDULE ?? '').trim() !== '') {
  app.timer('archiveTimer', {
    schedule: '%BACPAC_ARCHIVE_SCHEDULE%',
    extraInputs: [df.input.durableClient()],
    handler: async (timer: Timer, context: InvocationContext) => {
      const settings = archival();
      if (settings.schedule === undefined) return;
      const now = new Date();
      const scheduled = scheduledTimeOf(settings.schedule, now, timer.scheduleStatus?.next);
      await startDueArchives(
        scheduled,
        df.getClient(context),
        settings,
        () => new Date(),
        (m) => context.log(m),
      );
    },
  });
}

app.http('listArchives', {
  route: 'archives',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request, context) => getArchives(request, df.getClient(context), archival),
});
