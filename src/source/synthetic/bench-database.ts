import { ByteWriter, encodeRow } from '../../bacpac/bcp';
import type { BcpValue } from '../../bacpac/bcp/types';
import { bcpColumnsOf, sortTopLevel } from '../../bacpac/model';
import type { DatabaseModel } from '../../bacpac/model';
import { randomBytes, randomGuid } from './binary-values';
import { DATABASE_OPTIONS, DEFAULT_GRANTS, MODEL_HEADER } from './database-skeleton';
import type { SyntheticDatabase } from './demo-database';
import { primaryKey } from './demo-constraints';
import type { ColumnShape } from './model-parts';
import { randomDecimal, randomFloat } from './numeric-values';
import { rowRng, saltOf } from './prng';
import type { SyntheticTable } from './synthetic-table';
import { tableElement } from './table-element';
import { randomDatetime2 } from './temporal-values';
import { randomUnicodeText } from './text-values';

/**
 * `BacpacFlowBench`: one wide table of mixed types sized to a target amount of BCP data. Rows are
 * cheap: a pool of POOL_ROWS rows is generated once from the seed and row i is pool row
 * i mod POOL_ROWS behind its own bigint key i + 1. Because the key is a fixed 8 bytes, the data size
 * of any row count is known exactly from the pool's encoded sizes.
 */
export const POOL_ROWS = 4096;
export const BENCH_TABLE = '[dbo].[BenchRows]';

const BENCH_COLUMNS: readonly ColumnShape[] = [
  { name: 'RowID', type: { name: 'bigint' }, nullable: false, identity: true },
  { name: 'Quantity', type: { name: 'int' }, nullable: false },
  { name: 'Category', type: { name: 'int' }, nullable: true },
  { name: 'Amount', type: { name: 'decimal', precision: 18, scale: 4 }, nullable: false },
  { name: 'Measured', type: { name: 'datetime2', scale: 7 }, nullable: false },
  { name: 'Label', type: { name: 'nvarchar', length: 100 }, nullable: true },
  { name: 'Payload', type: { name: 'varbinary', length: 256 }, nullable: true },
  { name: 'RowGuid', type: { name: 'uniqueidentifier' }, nullable: false },
  { name: 'Score', type: { name: 'float', precision: 53 }, nullable: true },
  { name: 'IsActive', type: { name: 'bit' }, nullable: false },
];

function poolRow(seed: number, salt: number, k: number): BcpValue[] {
  const rng = rowRng(seed, salt, k);
  return [
    rng.int(0, 1_000_000),
    rng.chance(0.1) ? null : rng.int(1, 500),
    randomDecimal(rng, 18, 4),
    randomDatetime2(rng, 7),
    rng.chance(0.1) ? null : randomUnicodeText(rng, 100),
    rng.chance(0.2) ? null : randomBytes(rng, rng.int(0, 256)),
    randomGuid(rng),
    rng.chance(0.1) ? null : randomFloat(rng),
    rng.chance(0.5),
  ];
}

/** Smallest k with prefix[k] >= wanted (prefix ascending, prefix[0] = 0). */
function firstAtLeast(prefix: readonly number[], wanted: number): number {
  let lo = 0;
  let hi = prefix.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((prefix[mid] as number) >= wanted) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function benchDatabase(seed: number, targetBytes: number): SyntheticDatabase {
  const pool: BcpValue[][] = [];
  const salt = saltOf('dbo.BenchRows');
  for (let k = 0; k < POOL_ROWS; k++) pool.push(poolRow(seed, salt, k));
  const draft: SyntheticTable = {
    schema: 'dbo',
    name: 'BenchRows',
    qualifiedName: BENCH_TABLE,
    columns: BENCH_COLUMNS,
    rowCount: 0,
    rowAt: (index) => [BigInt(index + 1), ...(pool[index % POOL_ROWS] as BcpValue[])],
  };
  const skeleton: DatabaseModel = {
    header: MODEL_HEADER,
    databaseOptions: DATABASE_OPTIONS,
    elements: [tableElement(draft)],
  };
  const columns = bcpColumnsOf(skeleton, BENCH_TABLE);
  const out = new ByteWriter(4096);
  const prefix = [0];
  for (let k = 0; k < POOL_ROWS; k++) {
    out.pos = 0;
    encodeRow(columns, draft.rowAt(k), out, { table: BENCH_TABLE, row: k + 1 });
    prefix.push((prefix[k] as number) + out.pos);
  }
  const poolBytes = prefix[POOL_ROWS] as number;
  const cycles = Math.floor(targetBytes / poolBytes);
  const rowCount = Math.max(1, cycles * POOL_ROWS + firstAtLeast(prefix, targetBytes - cycles * poolBytes));
  const fullCycles = Math.floor(rowCount / POOL_ROWS);
  const dataBytes = BigInt(fullCycles) * BigInt(poolBytes) + BigInt(prefix[rowCount % POOL_ROWS] as number);
  const table: SyntheticTable = { ...draft, rowCount, dataBytes };
  return {
    name: 'BacpacFlowBench',
    model: {
      header: MODEL_HEADER,
      databaseOptions: DATABASE_OPTIONS,
      elements: sortTopLevel([
        ...DEFAULT_GRANTS,
        tableElement(table),
        primaryKey('dbo', 'PK_BenchRows', BENCH_TABLE, 'RowID'),
      ]),
    },
    tables: [table],
  };
}
