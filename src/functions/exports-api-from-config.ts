import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import { DEFAULT_CANCEL_GRACE_SECONDS, pipelineSettings } from '../orchestration/orchestration-input';
import { accountServices } from './account-services';
import type { ExportsApi } from './http/exports-api';

/** The export API's dependencies from the app configuration: the app storage account and settings. */
export function exportsApiFromConfig(
  config: AppConfig,
  env: Readonly<Record<string, string | undefined>>,
): ExportsApi {
  const { app: appService, appAccountUrl, serviceFor } = accountServices(config);
  return {
    defaults: { appAccountUrl, ...config.defaults },
    allowList: {
      appAccountUrl,
      ...(config.allowedSourceServers === undefined ? {} : { sourceServers: config.allowedSourceServers }),
      ...(config.allowedTargets === undefined ? {} : { targets: config.allowedTargets }),
    },
    pipeline: pipelineSettings(config.defaults.partRetryAttempts),
    cancelGraceSeconds: DEFAULT_CANCEL_GRACE_SECONDS,
    staging: appService.getContainerClient(config.stagingContainer),
    targetContainer: (target) => serviceFor(target.accountUrl).getContainerClient(target.container),
    hasSetting: (name) => (env[name] ?? '') !== '',
    newRunId: () => randomUUID(),
  };
}
