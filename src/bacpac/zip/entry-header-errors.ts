import type { CentralDirectoryRecord } from './central-directory-reader';
import { ZipErrorCode, zipError } from './error-codes';

/** Errors about one entry's local header or data descriptor, each naming the entry. */
export const hex = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;

export function mismatch(
  record: CentralDirectoryRecord,
  what: string,
  local: string,
  central: string,
): Error {
  return zipError(
    ZipErrorCode.HeaderMismatch,
    `entry "${record.name}": the local header says ${what} ${local}, the central directory says ${central}`,
    { entry: record.name },
  );
}

export function truncated(record: CentralDirectoryRecord, what: string, end: number, size: number): Error {
  return zipError(
    ZipErrorCode.Truncated,
    `entry "${record.name}": its ${what} would end at offset ${end}, beyond the end of the ${size}-byte archive`,
    { entry: record.name },
  );
}
