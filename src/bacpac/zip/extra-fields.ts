import { MAX_UINT32, ZIP64_EXTRA_FIELD_ID } from './constants';
import { ZipErrorCode, zipError } from './error-codes';
import { readUInt64AsNumber } from './uint64';

export interface ExtraField {
  readonly id: number;
  readonly data: Buffer;
}

/**
 * Splits an extra field area into its records (APPNOTE 4.5.1). A record whose declared size runs past
 * the area ends the list: such padding is ignored here, as other readers ignore it.
 */
export function parseExtraFields(area: Buffer): ExtraField[] {
  const fields: ExtraField[] = [];
  let offset = 0;
  while (offset + 4 <= area.length) {
    const id = area.readUInt16LE(offset);
    const size = area.readUInt16LE(offset + 2);
    if (offset + 4 + size > area.length) break;
    fields.push({ id, data: area.subarray(offset + 4, offset + 4 + size) });
    offset += 4 + size;
  }
  return fields;
}

/** The 32-bit header values a ZIP64 extra field may replace, in the order its values appear. */
export interface Zip64Candidates {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset?: number;
}

/**
 * Replaces each candidate that holds 0xFFFFFFFF by the next 8-byte value of the ZIP64 extra field
 * (APPNOTE 4.5.3: values appear only for the header fields that overflowed, in a fixed order).
 * Returns whether a ZIP64 extra field was present.
 */
export function applyZip64ExtraField(
  fields: readonly ExtraField[],
  values: Zip64Candidates,
  where: string,
  entry?: string,
): boolean {
  const zip64 = fields.find((field) => field.id === ZIP64_EXTRA_FIELD_ID);
  const keys = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (key) => values[key] === MAX_UINT32,
  );
  if (zip64 === undefined) {
    const first = keys[0];
    if (first !== undefined) {
      throw zipError(
        ZipErrorCode.BadZip64,
        `${where}: ${first} is 0xFFFFFFFF but the entry has no ZIP64 extra field to hold the real value`,
        { entry },
      );
    }
    return false;
  }
  let offset = 0;
  for (const key of keys) {
    if (offset + 8 > zip64.data.length) {
      throw zipError(
        ZipErrorCode.BadZip64,
        `${where}: ${key} is 0xFFFFFFFF but the ZIP64 extra field holds only ${zip64.data.length} bytes`,
        { entry },
      );
    }
    values[key] = readUInt64AsNumber(zip64.data, offset, `${where}: ${key}`);
    offset += 8;
  }
  return true;
}
