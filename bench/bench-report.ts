/** How the bench suite reports: one JSON line per measurement as it is taken, and a table at the end. */

export const MB = 1e6;
export const MiB = 1024 * 1024;

export interface Measurement {
  /** What was measured, e.g. `encode`, `deflate-limit`, `end-to-end`. */
  readonly bench: string;
  /** A short label for the table, e.g. `end-to-end, 2 parallel parts`. */
  readonly label: string;
  /** Uncompressed BCP bytes the measurement covers. */
  readonly bytes: number;
  readonly seconds: number;
  readonly rows?: number;
  /** Anything else worth keeping (bytes moved, peak RSS, ratios). */
  readonly extra?: Readonly<Record<string, number | string | boolean>>;
}

const collected: Measurement[] = [];

/** Prints the measurement as one JSON line and keeps it for the table. */
export function record(measurement: Measurement): Measurement {
  collected.push(measurement);
  console.log(
    JSON.stringify({
      ...measurement,
      mbPerSecond: round(mbPerSecond(measurement)),
      ...(measurement.rows === undefined
        ? {}
        : { rowsPerSecond: Math.round(measurement.rows / measurement.seconds) }),
    }),
  );
  return measurement;
}

export function mbPerSecond(m: Pick<Measurement, 'bytes' | 'seconds'>): number {
  return m.bytes / MB / m.seconds;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The table of every measurement: label, MB, seconds, MB/s, rows/s, and the extras. */
export function printTable(): void {
  const lines = [
    `${'measurement'.padEnd(42)} ${'MB'.padStart(8)} ${'s'.padStart(7)} ${'MB/s'.padStart(7)} ${'rows/s'.padStart(9)}  notes`,
  ];
  for (const m of collected) {
    const rows = m.rows === undefined ? '' : String(Math.round(m.rows / m.seconds));
    const notes = Object.entries(m.extra ?? {})
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    lines.push(
      `${m.label.padEnd(42)} ${(m.bytes / MB).toFixed(0).padStart(8)} ${m.seconds.toFixed(1).padStart(7)} ` +
        `${mbPerSecond(m).toFixed(1).padStart(7)} ${rows.padStart(9)}  ${notes}`,
    );
  }
  console.log(['', ...lines].join('\n'));
}

/** Reads a size like `200MB`, `2GB`, `512MiB` or a plain byte count (decimal MB/GB: 10^6 / 10^9). */
export function parseSize(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?\s*$/i.exec(text);
  if (match === null) throw new Error(`BENCH_BYTES: expected a size like 200MB or 2GB, found "${text}"`);
  const units: Record<string, number> = {
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
  };
  return Math.round(Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1));
}

export function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}
