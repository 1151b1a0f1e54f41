import * as df from 'durable-functions';
import { ActivityNames, type ActivityImplementations } from '../orchestration/contracts';

/**
 * Registers the four activities of the pipeline with the implementations given. An activity's error
 * reaches the orchestrator as its message text, so implementations throw errors whose message starts
 * with `[CODE]` and names the table and part concerned.
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
}
