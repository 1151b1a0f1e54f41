import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time, to judge the pipeline on a shared machine: wall-clock throughput depends on what else
 * runs, but the CPU seconds a measurement costs per byte do not. Covers this process (all its
 * threads: the main thread, the zlib thread pool, worker threads) and, on Linux, its child
 * processes whose command line matches (the Azurite emulator).
 */
export interface CpuSample {
  readonly self: number;
  readonly children: number;
}

const TICKS_PER_SECOND = 100;

function childCpuSeconds(match: string): number {
  let total = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes(match)) continue;
      total += (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

export function sampleCpu(childMatch = 'azurite'): CpuSample {
  const usage = process.cpuUsage();
  return { self: (usage.user + usage.system) / 1e6, children: childCpuSeconds(childMatch) };
}

/** CPU seconds spent since `start`: this process, and the matching children. */
export function cpuSince(start: CpuSample, childMatch = 'azurite'): CpuSample {
  const now = sampleCpu(childMatch);
  return { self: now.self - start.self, children: now.children - start.children };
}
