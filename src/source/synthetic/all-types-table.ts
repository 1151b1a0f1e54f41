import type { BcpValue } from '../../bacpac/bcp/types';
import { rowversion } from './binary-values';
import type { ColumnShape } from './model-parts';
import { rowRng, saltOf } from './prng';
import type { SyntheticTable } from './synthetic-table';
import { qualified } from './synthetic-table';
import { TYPE_SAMPLES } from './type-catalog';

/**
 * A table with one column of every type the BCP codec supports (type-catalog.ts) behind an
 * identity key, and a rowversion column last. Its first rows are fixed: 0 holds every type's low
 * end, 1 the high end, 2 the edge values (empty strings and binaries, 100 ns, root hierarchyid),
 * 3 the big values (a varbinary(max) over 100 KB, long (max) texts), 4 NULL in every nullable
 * column; later rows are random, with about one NULL in ten nullable cells.
 */
export const FIXED_ROWS = 5;

export const ROW_LOW = 0;
export const ROW_HIGH = 1;
export const ROW_EDGE = 2;
export const ROW_BIG = 3;
export const ROW_NULL = 4;

export interface AllTypesOptions {
  readonly seed: number;
  readonly schema: string;
  readonly name: string;
  /** Whether the typed columns allow NULL (the key and the rowversion never do). */
  readonly nullable: boolean;
  readonly rowCount: number;
  /** Keeps this table's rowversion values apart from other tables'. */
  readonly rowversionBase: number;
}

export function allTypesTable(options: AllTypesOptions): SyntheticTable {
  const { seed, schema, name, nullable, rowCount, rowversionBase } = options;
  const salt = saltOf(`${schema}.${name}`);
  const columns: ColumnShape[] = [
    { name: 'ID', type: { name: 'int' }, nullable: false, identity: true },
    ...TYPE_SAMPLES.map((sample): ColumnShape => ({ name: sample.name, type: sample.type, nullable })),
    { name: 'c_rowversion', type: { name: 'rowversion' }, nullable: false },
  ];
  return {
    schema,
    name,
    qualifiedName: qualified(schema, name),
    columns,
    rowCount,
    rowAt(index: number): BcpValue[] {
      const rng = rowRng(seed, salt, index);
      const row: BcpValue[] = [index + 1];
      for (const sample of TYPE_SAMPLES) {
        let value: BcpValue;
        if (index === ROW_LOW) value = sample.low;
        else if (index === ROW_HIGH) value = sample.high;
        else if (index === ROW_EDGE) value = sample.edge;
        else if (index === ROW_BIG && sample.big !== undefined) value = sample.big(rng);
        else if (nullable && (index === ROW_NULL || (index > ROW_NULL && rng.chance(0.1)))) value = null;
        else value = sample.random(rng, index + 1);
        row.push(value);
      }
      row.push(rowversion(rowversionBase, index));
      return row;
    },
  };
}
