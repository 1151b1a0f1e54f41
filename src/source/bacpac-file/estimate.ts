import { fieldLayout, type BcpColumn } from '../../bacpac/bcp';

/** Bytes assumed for the data of a variable-length field when estimating. */
const TYPICAL_VARIABLE_BYTES = 16;

/**
 * A rough width of one BCP row of these columns: each field's prefix plus its fixed size, or a
 * typical size for variable-length data. Used only to estimate row counts from part sizes, since a
 * BACPAC stores no per-table row counts.
 */
export function estimatedRowBytes(columns: readonly BcpColumn[]): number {
  let width = 0;
  for (const column of columns) {
    try {
      const layout = fieldLayout(column);
      width += layout.prefixBytes;
      width +=
        layout.fixedLength >= 0 ? layout.fixedLength : Math.min(layout.maxLength, TYPICAL_VARIABLE_BYTES);
    } catch {
      width += TYPICAL_VARIABLE_BYTES;
    }
  }
  return Math.max(width, 1);
}

/** Estimated rows in `bytes` of BCP data, as a decimal string; at least 1 for a non-empty part. */
export function estimateRows(bytes: number, rowBytes: number): string {
  if (bytes <= 0) return '0';
  return String(Math.max(1, Math.round(bytes / rowBytes)));
}
