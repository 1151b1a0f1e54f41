import { app, type HttpResponseInit } from '@azure/functions';
import * as df from 'durable-functions';
import { loadConfig } from '../config';
import { exportsApiFromConfig } from './exports-api-from-config';
import type { ExportsApi } from './http/exports-api';
import { cancelExport } from './http/cancel-export';
import { getExport } from './http/get-export';
import { listExports } from './http/list-exports';
import { errorResponse } from './http/responses';
import { startExport } from './http/start-export';
import { registerOrchestrations } from './orchestrations';
import { registerActivities } from './activities';
import { exportEnvironmentFromConfig } from './export-environment';
import { createActivities } from '../activities';
import type { ActivityImplementations } from '../orchestration/contracts';

/**
 * Trigger registrations of the Functions app (v4 programming model): the HTTP API, the
 * orchestrations, and the activities from src/activities bound to the environment the settings describe.
 */

let api: ExportsApi | undefined;
/** Settings are read on first use, so a configuration error answers requests instead of stopping the host. */
async function withApi(handle: (api: ExportsApi) => Promise<HttpResponseInit>): Promise<HttpResponseInit> {
  try {
    api ??= exportsApiFromConfig(loadConfig(process.env), process.env);
  } catch (error) {
    return errorResponse(error);
  }
  return handle(api);
}

registerOrchestrations();

let activities: ActivityImplementations | undefined;
/** The activities, bound on first use to the environment the app settings describe. */
function boundActivities(): ActivityImplementations {
  activities ??= createActivities(exportEnvironmentFromConfig(loadConfig(process.env), process.env));
  return activities;
}
registerActivities({
  planExport: (input) => boundActivities().planExport(input),
  exportPart: (input) => boundActivities().exportPart(input),
  assembleBacpac: (input) => boundActivities().assembleBacpac(input),
  cleanupStaging: (input) => boundActivities().cleanupStaging(input),
  startDatabaseCopy: (input) => boundActivities().startDatabaseCopy(input),
  databaseCopyStatus: (input) => boundActivities().databaseCopyStatus(input),
  dropDatabaseCopy: (input) => boundActivities().dropDatabaseCopy(input),
});

app.http('startExport', {
  route: 'exports',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request, context) => withApi((a) => startExport(request, df.getClient(context), a)),
});

app.http('listExports', {
  route: 'exports',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request, context) => listExports(request, df.getClient(context)),
});

app.http('getExport', {
  route: 'exports/{id}',
  methods: ['GET'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request, context) => getExport(request, df.getClient(context)),
});

app.http('cancelExport', {
  route: 'exports/{id}/cancel',
  methods: ['POST'],
  authLevel: 'function',
  extraInputs: [df.input.durableClient()],
  handler: (request, context) => withApi((a) => cancelExport(request, df.getClient(context), a)),
});
import './archival';
