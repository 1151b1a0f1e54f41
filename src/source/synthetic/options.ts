import { SyntheticSourceError } from './errors';

/** Options of createSyntheticSource. */
export interface SyntheticSourceOptions {
  /** Seed of every generated value (default 1). The same seed gives the same bytes. */
  readonly seed?: number;
  /** Multiplies the demo profile's row counts (default 1: about 3,750 rows; at most 1,000,000). */
  readonly scale?: number;
  /** `demo` (default): the complete sample database; `bench`: one wide table sized by targetBytes. */
  readonly profile?: 'demo' | 'bench';
  /** bench profile: the BCP data size to aim for, in bytes (default 2 GiB). */
  readonly targetBytes?: number;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly scale: number;
  readonly profile: 'demo' | 'bench';
  readonly targetBytes: number;
}

export const DEFAULT_BENCH_BYTES = 2 * 1024 ** 3;

/** Keeps every int identity (500 customers and 200 all-types rows per unit of scale) inside int. */
export const MAX_SCALE = 1_000_000;

function fail(name: string, expected: string, found: unknown): never {
  throw new SyntheticSourceError(
    'SYNTHETIC_OPTIONS',
    `synthetic source option ${name}: expected ${expected}, found ${String(found)}`,
    { option: name },
  );
}

/** Checks the options and fills in the defaults. */
export function resolveOptions(options: SyntheticSourceOptions = {}): ResolvedOptions {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) fail('seed', 'a safe integer', seed);
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    fail('scale', `a positive number up to ${MAX_SCALE}`, scale);
  }
  const profile = options.profile ?? 'demo';
  if (profile !== 'demo' && profile !== 'bench') fail('profile', "'demo' or 'bench'", profile);
  const targetBytes = options.targetBytes ?? DEFAULT_BENCH_BYTES;
  if (!Number.isSafeInteger(targetBytes) || targetBytes < 1)
    fail('targetBytes', 'a positive integer', targetBytes);
  return { seed, scale, profile, targetBytes };
}
