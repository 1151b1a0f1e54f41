import * as df from 'durable-functions';
import { cleanupCancelledRunOrchestrator } from '../orchestration/cancel-cleanup-orchestrator';
import { exportBacpacOrchestrator } from '../orchestration/export-orchestrator';
import { OrchestratorNames } from '../orchestration/names';
import { exportPartsBatchOrchestrator } from '../orchestration/parts-batch-orchestrator';

export function registerOrchestrations(): void {
  df.app.orchestration(OrchestratorNames.exportBacpac, exportBacpacOrchestrator);
  df.app.orchestration(OrchestratorNames.exportPartsBatch, exportPartsBatchOrchestrator);
  df.app.orchestration(OrchestratorNames.cleanupCancelledRun, cleanupCancelledRunOrchestrator);
}
