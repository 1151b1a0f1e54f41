/**
 * The part-memory measurement alone: `BENCH_BYTES=2GB node --import tsx bench/run-part-memory.ts`
 * exports the bench table as one part of BENCH_BYTES / 8 and one of BENCH_BYTES in child processes
 * and prints their peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite } from '../test/helpers/azurite';
import { parseSize, printTable } from './bench-report';
import { measurePartMemory } from './part-memory';

async function main(): Promise<void> {
  const bytes = parseSize(process.env.BENCH_BYTES, 200e6);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-azurite-'));
  const azurite = await startAzurite({ location: dir });
  try {
    await measurePartMemory(azurite.connectionString, Math.round(bytes / 8));
    await measurePartMemory(azurite.connectionString, bytes);
    printTable();
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
