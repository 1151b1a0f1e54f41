import type { Rng } from './prng';

/**
 * geography, geometry and hierarchyid values in SQL Server's own serialisation (the bytes BCP
 * native format carries). The line strings, polygon and hierarchyid paths marked "real" are the
 * values SQL Server 2019 wrote into the StrangeFields tables of the bacpactod-Test fixture; the
 * points follow the same layout: SRID (int32 LE), version 1, properties byte 0x0C (valid, single
 * point), then two little-endian doubles (latitude, longitude for geography; x, y for geometry).
 */

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

/** Real: LINESTRING(-122.36 47.656, -122.343 47.656) and one more line, SRID 4326. */
export const REAL_GEOGRAPHY: readonly Buffer[] = [
  hex('e610000001148716d9cef7d34740d7a3703d0a975ec08716d9cef7d34740cba145b6f3955ec0'),
  hex('e610000001140000000000000840333333333333f33f000000000000184000000000000012c0'),
];

/** Real: a three-point line string and a square polygon, SRID 0. */
export const REAL_GEOMETRY: readonly Buffer[] = [
  hex(
    '00000000010403000000000000000000f03f0000000000000040000000000000084000000000000010400000000000001440000000000000184001000000010000000001000000ffffffff0000000002',
  ),
  hex(
    '00000000010405000000000000000000000000000000000000000000000000c0624000000000000000000000000000c062400000000000c0624000000000000000000000000000c062400000000000000000000000000000000001000000020000000001000000ffffffff0000000003',
  ),
];

/**
 * hierarchyid: the root (empty, real), /1/2/3/4/ (real), and /1/, /2/, /1/1/, /1/2/ as SQL Server
 * serialises them (0x58, 0x68, 0x5AC0, 0x5B40: the OrganizationNode values of the AdventureWorks
 * sample's first employees follow this pattern).
 */
export const HIERARCHYIDS: readonly Buffer[] = [
  hex(''),
  hex('5b5f08'),
  hex('58'),
  hex('68'),
  hex('5ac0'),
  hex('5b40'),
];

function point(srid: number, first: number, second: number): Buffer {
  const out = Buffer.alloc(22);
  out.writeInt32LE(srid, 0);
  out[4] = 1;
  out[5] = 0x0c;
  out.writeDoubleLE(first, 6);
  out.writeDoubleLE(second, 14);
  return out;
}

/** A geography point (SRID 4326) on a 1e-6 degree grid, or one of the real line strings. */
export function randomGeography(rng: Rng): Buffer {
  if (rng.chance(0.2)) return rng.pick(REAL_GEOGRAPHY);
  const latitude = rng.int(-90_000_000, 90_000_000) / 1e6;
  const longitude = rng.int(-180_000_000, 179_999_999) / 1e6;
  return point(4326, latitude, longitude);
}

/** A geometry point (SRID 0), or one of the real shapes. */
export function randomGeometry(rng: Rng): Buffer {
  if (rng.chance(0.2)) return rng.pick(REAL_GEOMETRY);
  return point(0, rng.int(-1_000_000, 1_000_000) / 100, rng.int(-1_000_000, 1_000_000) / 100);
}

export function randomHierarchyid(rng: Rng): Buffer {
  return rng.pick(HIERARCHYIDS);
}
