/**
 * The deterministic random numbers behind every synthetic value: a mulberry32 generator seeded
 * from a 32-bit mix of (seed, table salt, row index), so that each row is a pure function of those
 * three and any row range can be generated on its own, in any order, in parallel.
 */
export interface Rng {
  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive; the range must fit 2^32). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** The mulberry32 generator (Tommy Ettinger's 32-bit state PRNG) from a 32-bit state. */
export function mulberry32(state: number): Rng {
  let s = state >>> 0;
  const u32 = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / 4294967296;
  return {
    u32,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** The murmur3 finaliser: a bijective 32-bit avalanche. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit salt from a name (FNV-1a), so tables get unrelated streams. */
export function saltOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** The generator for one row: mixes seed, salt and both halves of the row index (up to 2^53). */
export function rowRng(seed: number, salt: number, rowIndex: number): Rng {
  const low = rowIndex >>> 0;
  const high = Math.floor(rowIndex / 4294967296) >>> 0;
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32(h ^ salt);
  h = fmix32(h ^ low);
  h = fmix32(h ^ Math.imul(high, 0x27d4eb2f));
  return mulberry32(h);
}
