import { randomBytes } from 'node:crypto';
import type { BlobServiceClient } from '@azure/storage-blob';
import { blockIdFor, stageBufferBlock } from '../src/storage/block-commit';
import { MiB, record, round, seconds, type Measurement } from './bench-report';
import { cpuSince, sampleCpu } from './cpu-time';

/** Block size and blocks in flight: what four export parts' staged writers hold at most (3 x 8 MiB each). */
const BLOCK_BYTES = 8 * MiB;
const CONCURRENCY = 12;

/**
 * The machine's limit for the export's upload: Put Block of `bytes` (incompressible) to the same
 * Azurite, in 8 MiB blocks, 12 at a time, spread over blobs of at most 1 GiB, with nothing else
 * running. `bcpPerStored` converts it to BCP bytes per second at the export's compression ratio.
 */
export async function measureUploadLimit(
  service: BlobServiceClient,
  bytes: number,
  bcpPerStored: number,
): Promise<Measurement> {
  const container = service.getContainerClient(`bench-upload-${Date.now()}`);
  await container.create();
  const data = randomBytes(BLOCK_BYTES);
  const blocks = Math.ceil(bytes / BLOCK_BYTES);
  const blocksPerBlob = 128;
  let next = 0;
  const cpuStart = sampleCpu();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < blocks) {
      const index = next++;
      const blob = container.getBlockBlobClient(`upload-${Math.floor(index / blocksPerBlob)}`);
      await stageBufferBlock(blob, blockIdFor(index % blocksPerBlob), data);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = seconds(started);
  const cpu = cpuSince(cpuStart);
  await container.delete();
  const uploaded = blocks * BLOCK_BYTES;
  return record({
    bench: 'upload-limit',
    label: 'upload limit, Put Block to Azurite',
    bytes: uploaded,
    seconds: elapsed,
    extra: {
      bcpEquivalentMbPerSecond: round((uploaded * bcpPerStored) / 1e6 / elapsed),
      cpuSelfSeconds: round(cpu.self),
      cpuAzuriteSeconds: round(cpu.children),
    },
  });
}
