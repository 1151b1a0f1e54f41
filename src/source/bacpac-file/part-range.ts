import type { PartSpec } from '../types';
import { BacpacFileSourceError } from './errors';

/**
 * What a PartSpec's `range` holds for this source: the ZIP entry name of the data part to replay,
 * or null for a table that has no data part (the part yields no rows). `subSegment` is the MMMMM of
 * the part name (0 in every real file).
 */
export interface BacpacFilePartRange {
  readonly entry: string | null;
  readonly subSegment: number;
}

export function rangeOf(part: PartSpec): BacpacFilePartRange {
  const range = part.range as Partial<BacpacFilePartRange> | undefined;
  if (
    typeof range !== 'object' ||
    range === null ||
    !(typeof range.entry === 'string' || range.entry === null) ||
    typeof range.subSegment !== 'number'
  ) {
    throw new BacpacFileSourceError(
      'BACPAC_SOURCE_BAD_PART',
      `${part.schema}.${part.table} segment ${part.segment}: expected range { entry, subSegment } from ` +
        `planParts, found ${JSON.stringify(part.range)}`,
    );
  }
  return { entry: range.entry, subSegment: range.subSegment };
}
