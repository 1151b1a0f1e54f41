/** The built-in synthetic source: a deterministic sample database for demos, tests and benchmarks. */
export { createSyntheticSource } from './synthetic-source';
export type { SyntheticSourceOptions } from './options';
export { DEFAULT_BENCH_BYTES, MAX_SCALE } from './options';
export { SyntheticSourceError } from './errors';
export type { RowRange } from './plan-parts';
