import { ConfigError } from './config-error';
import type { TargetRule } from './parsers';
import { settings, type SettingSpec } from './settings';

export interface StorageAccountConfig {
  /** Connection string of the app storage account (AzureWebJobsStorage), when it is key-based. */
  readonly connectionString?: string;
  /** Blob service URL, when the app storage account is reached with its managed identity. */
  readonly blobServiceUrl?: string;
  /** Client id of the identity used for AzureWebJobsStorage, when user-assigned. */
  readonly clientId?: string;
}

export interface AppConfig {
  readonly storage: StorageAccountConfig;
  readonly stagingContainer: string;
  /** Host-name patterns; undefined means any server. */
  readonly allowedSourceServers?: readonly string[];
  /** Target rules; undefined means the app storage account only. */
  readonly allowedTargets?: readonly TargetRule[];
  readonly defaults: {
    readonly maxParallelism: number;
    readonly splitRowThreshold: number;
    readonly compression: 'normal' | 'fast' | 'none';
    readonly partRetryAttempts: number;
  };
  readonly sql: {
    readonly connectTimeoutSeconds: number;
    readonly commandTimeoutSeconds: number;
    readonly managedIdentityClientId?: string;
  };
  readonly archive: {
    readonly schedule?: string;
    readonly jobsJson?: string;
  };
}

type Env = Readonly<Record<string, string | undefined>>;

const knownNames = new Set(Object.values(settings).map((s: SettingSpec<unknown>) => s.name));

/**
 * Reads every app setting once, validates each field (collecting every problem, each naming its
 * setting), and returns a deeply frozen configuration. Throws ConfigError listing all problems.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  for (const name of Object.keys(env)) {
    if (name.startsWith('BACPAC_') && !knownNames.has(name)) {
      problems.push(
        `${name}: unknown setting (known BACPAC_ settings: ${[...knownNames].sort().join(', ')})`,
      );
    }
  }

  function read<T>(s: SettingSpec<T>): T | undefined {
    const raw = env[s.name];
    if (raw === undefined || raw.trim() === '') return s.fallback;
    try {
      return s.parse(raw);
    } catch (err) {
      problems.push(`${s.name}: ${err instanceof Error ? err.message : String(err)}`);
      return s.fallback;
    }
  }

  const storage = readStorage(env, problems);
  const config: AppConfig = {
    storage,
    stagingContainer: read(settings.stagingContainer) ?? 'bacpac-staging',
    allowedSourceServers: read(settings.allowedSourceServers),
    allowedTargets: read(settings.allowedTargets),
    defaults: {
      maxParallelism: read(settings.maxParallelism) ?? 4,
      splitRowThreshold: read(settings.splitRowThreshold) ?? 1_000_000,
      compression: read(settings.compression) ?? 'normal',
      partRetryAttempts: read(settings.partRetryAttempts) ?? 3,
    },
    sql: {
      connectTimeoutSeconds: read(settings.sqlConnectTimeoutSeconds) ?? 30,
      commandTimeoutSeconds: read(settings.sqlCommandTimeoutSeconds) ?? 0,
      managedIdentityClientId: read(settings.managedIdentityClientId),
    },
    archive: {
      schedule: read(settings.archiveSchedule),
      jobsJson: read(settings.archiveJobs),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** The app storage account: `AzureWebJobsStorage` (connection string) or its identity-based form. */
function readStorage(env: Env, problems: string[]): StorageAccountConfig {
  const connectionString = env.AzureWebJobsStorage?.trim();
  if (connectionString) {
    if (
      connectionString !== 'UseDevelopmentStorage=true' &&
      !/(^|;)\s*(AccountName|BlobEndpoint)\s*=/i.test(connectionString)
    ) {
      problems.push(
        'AzureWebJobsStorage: expected a storage connection string (AccountName=...;AccountKey=... or BlobEndpoint=...) or UseDevelopmentStorage=true',
      );
    }
    return { connectionString };
  }
  const serviceUri = env.AzureWebJobsStorage__blobServiceUri?.trim();
  const accountName = env.AzureWebJobsStorage__accountName?.trim();
  const clientId = env.AzureWebJobsStorage__clientId?.trim() || undefined;
  if (serviceUri) return { blobServiceUrl: serviceUri.replace(/\/+$/, ''), clientId };
  if (accountName) {
    if (!/^[a-z0-9]{3,24}$/.test(accountName)) {
      problems.push(
        `AzureWebJobsStorage__accountName: expected 3-24 lower-case letters and digits, found "${accountName}"`,
      );
    }
    return { blobServiceUrl: `https://${accountName}.blob.core.windows.net`, clientId };
  }
  problems.push(
    'AzureWebJobsStorage: not set; expected a connection string, UseDevelopmentStorage=true, or AzureWebJobsStorage__accountName for managed identity',
  );
  return {};
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
