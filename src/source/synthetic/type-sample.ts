import type { BcpValue } from '../../bacpac/bcp/types';
import type { ColumnType } from './model-parts';
import type { Rng } from './prng';

/**
 * One column per type the BCP codec supports, with how to make its values: a random value, the
 * low and high ends of its range, an edge value (empty string or binary, 100 ns, the root
 * hierarchyid, ...) and, for the large-object types, a big value (the varbinary(max) one is over
 * 100 KB). The rowversion column is not here: its value depends only on the row (see all-types-table.ts).
 */
export interface TypeSample {
  readonly name: string;
  readonly type: ColumnType;
  readonly random: (rng: Rng, rowNumber: number) => BcpValue;
  readonly low: BcpValue;
  readonly high: BcpValue;
  readonly edge: BcpValue;
  readonly big?: (rng: Rng) => BcpValue;
}

/** The alias type every all-types table uses (defined in the model as varchar(20)). */
export const ACCOUNT_CODE_TYPE = '[dbo].[AccountCode]';
