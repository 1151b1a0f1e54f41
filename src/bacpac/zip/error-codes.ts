import { BacpacError } from '../errors';

/**
 * Every error code the ZIP layer raises. Messages name the entry concerned and say what was expected
 * and what was found; `details.entry` carries the entry name where there is one.
 */
export const ZipErrorCode = {
  /** The archive ends early: no end of central directory record, or a record or entry data runs past the end. */
  Truncated: 'ZIP_TRUNCATED',
  /** A record does not start with the signature its position requires. */
  BadSignature: 'ZIP_BAD_SIGNATURE',
  /** A local header disagrees with the central directory on name, method, CRC-32 or sizes. */
  HeaderMismatch: 'ZIP_HEADER_MISMATCH',
  /** The entry uses a compression method other than stored (0) or deflated (8), or is encrypted. */
  UnsupportedMethod: 'ZIP_UNSUPPORTED_METHOD',
  /** Two entries, or an entry and the central directory, claim the same bytes. */
  Overlap: 'ZIP_OVERLAP',
  /** The decompressed bytes do not have the CRC-32 the central directory records. */
  CrcMismatch: 'ZIP_CRC_MISMATCH',
  /** A byte count differs from the size the headers declare. */
  SizeMismatch: 'ZIP_SIZE_MISMATCH',
  /** The deflate stream of an entry cannot be decoded. */
  CorruptData: 'ZIP_CORRUPT_DATA',
  /** A ZIP64 record or extra field is missing a value its headers say it holds. */
  BadZip64: 'ZIP_BAD_ZIP64',
  /** The archive spans several disks, or holds a value beyond 2^53 bytes. */
  Unsupported: 'ZIP_UNSUPPORTED',
  /** An entry name that cannot be written: empty, too long, or not printable ASCII. */
  BadName: 'ZIP_BAD_NAME',
  /** Two entries given to the writer have the same name. */
  DuplicateName: 'ZIP_DUPLICATE_NAME',
  /** Entry metadata given to the writer is not valid (CRC, sizes, method or date). */
  BadEntry: 'ZIP_BAD_ENTRY',
  /** A compressor's result was asked for before its stream finished. */
  NotFinished: 'ZIP_NOT_FINISHED',
} as const;

export type ZipErrorCode = (typeof ZipErrorCode)[keyof typeof ZipErrorCode];

export function zipError(
  code: ZipErrorCode,
  message: string,
  details?: Record<string, unknown>,
): BacpacError {
  return new BacpacError(code, message, details);
}
