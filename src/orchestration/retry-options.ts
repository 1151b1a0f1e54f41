import * as df from 'durable-functions';
import type { RetryPolicy } from './orchestration-input';

export function toRetryOptions(policy: RetryPolicy): df.RetryOptions {
  const options = new df.RetryOptions(policy.firstIntervalMs, policy.maxAttempts);
  options.backoffCoefficient = policy.backoffCoefficient;
  options.maxRetryIntervalInMilliseconds = policy.maxIntervalMs;
  return options;
}
