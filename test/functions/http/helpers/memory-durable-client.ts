/**
 * An in-memory stand-in for the part of the v3 DurableClient the export API uses. The real client
 * talks HTTP to the Functions host; this one keeps instances in a map and fails like the real one
 * (getStatus on an unknown id rejects with an error naming HTTP 404).
 */
import type {
  DurableOrchestrationStatus,
  HttpManagementPayload,
  OrchestrationFilter,
  StartNewOptions,
} from 'durable-functions';
import type { ExportsClient } from '../../../../src/functions/http/exports-api';

type Instance = {
  -readonly [K in keyof DurableOrchestrationStatus]: DurableOrchestrationStatus[K];
};

export class MemoryDurableClient implements ExportsClient {
  readonly instances = new Map<string, Instance>();
  readonly terminated: { id: string; reason: string }[] = [];
  readonly started: { name: string; options: StartNewOptions | undefined }[] = [];
  private counter = 0;

  add(instance: Partial<Instance> & { instanceId: string; runtimeStatus: Instance['runtimeStatus'] }): void {
    this.instances.set(instance.instanceId, {
      name: 'exportBacpac',
      createdTime: new Date('2024-01-15T08:00:00Z'),
      lastUpdatedTime: new Date('2024-01-15T08:05:00Z'),
      input: null,
      output: null,
      customStatus: undefined,
      ...instance,
    });
  }

  startNew(orchestratorFunctionName: string, options?: StartNewOptions): Promise<string> {
    const instanceId = options?.instanceId ?? `generated-${++this.counter}`;
    this.started.push({ name: orchestratorFunctionName, options });
    this.add({
      instanceId,
      name: orchestratorFunctionName,
      runtimeStatus: 'Pending' as Instance['runtimeStatus'],
      input: options?.input ?? null,
    });
    return Promise.resolve(instanceId);
  }

  getStatus(instanceId: string): Promise<DurableOrchestrationStatus> {
    const instance = this.instances.get(instanceId);
    if (instance === undefined) {
      return Promise.reject(
        new Error(
          `DurableClient error: Durable Functions extension replied with HTTP 404 response. This usually means we could not find any data associated with the instanceId provided: ${instanceId}.`,
        ),
      );
    }
    return Promise.resolve({ ...instance });
  }

  getStatusBy(filter: OrchestrationFilter): Promise<DurableOrchestrationStatus[]> {
    return Promise.resolve(
      [...this.instances.values()].filter(
        (i) =>
          (filter.createdTimeFrom === undefined || i.createdTime >= filter.createdTimeFrom) &&
          (filter.runtimeStatus === undefined || filter.runtimeStatus.includes(i.runtimeStatus)),
      ),
    );
  }

  terminate(instanceId: string, reason: string): Promise<void> {
    const instance = this.instances.get(instanceId);
    if (instance === undefined)
      return Promise.reject(new Error(`No instance with ID '${instanceId}' found.`));
    instance.runtimeStatus = 'Terminated' as Instance['runtimeStatus'];
    instance.output = reason;
    this.terminated.push({ id: instanceId, reason });
    return Promise.resolve();
  }

  createHttpManagementPayload(instanceId: string): HttpManagementPayload {
    const base = `http://localhost:7071/runtime/webhooks/durabletask/instances/${instanceId}`;
    return {
      id: instanceId,
      statusQueryGetUri: base,
      sendEventPostUri: `${base}/raiseEvent/{eventName}`,
      terminatePostUri: `${base}/terminate?reason={text}`,
      rewindPostUri: `${base}/rewind?reason={text}`,
      purgeHistoryDeleteUri: base,
      suspendPostUri: `${base}/suspend?reason={text}`,
      resumePostUri: `${base}/resume?reason={text}`,
    };
  }
}
