import * as df from 'durable-functions';
import { ActivityNames, type ActivityImplementations } from '../orchestration/contracts';

/**
 * Registers the activities of the pipeline (the database-copy ones serve `consistency: "copy"`) with
 * the implementations given. An activity's error reaches the orchestrator as its message text, so
 * implementations throw errors whose message starts with `[CODE]` and names the object concerned.
 */
export function registerActivities(impl: ActivityImplementations): void {
  df.app.activity(ActivityNames.planExport, {
    handler: (input: Parameters<ActivityImplementations['planExport']>[0]) => impl.planExport(input),
  });
  df.app.activity(ActivityNames.exportPart, {
    handler: (input: Parameters<ActivityImplementations['exportPart']>[0]) => impl.exportPart(input),
  });
  df.app.activity(ActivityNames.assembleBacpac, {
    handler: (input: Parameters<ActivityImplementations['assembleBacpac']>[0]) => impl.assembleBacpac(input),
  });
  df.app.activity(ActivityNames.cleanupStaging, {
    handler: (input: Parameters<ActivityImplementations['cleanupStaging']>[0]) => impl.cleanupStaging(input),
  });
  df.app.activity(ActivityNames.startDatabaseCopy, {
    handler: (input: Parameters<ActivityImplementations['startDatabaseCopy']>[0]) =>
      impl.startDatabaseCopy(input),
  });
  df.app.activity(ActivityNames.databaseCopyStatus, {
    handler: (input: Parameters<ActivityImplementations['databaseCopyStatus']>[0]) =>
      impl.databaseCopyStatus(input),
  });
  df.app.activity(ActivityNames.dropDatabaseCopy, {
    handler: (input: Parameters<ActivityImplementations['dropDatabaseCopy']>[0]) =>
      impl.dropDatabaseCopy(input),
  });
}
