import { BacpacError } from '../errors';

/** Error codes the package reader raises; every message names the part concerned. */
export const ReaderErrorCode = {
  /** A required part (model.xml, Origin.xml, DacMetadata.xml, [Content_Types].xml) is not in the package. */
  MissingPart: 'BACPAC_MISSING_PART',
  /** A metadata part is larger than the reader will hold in memory. */
  PartTooLarge: 'BACPAC_PART_TOO_LARGE',
  /** A data part's folder names no table of the model (or names two, and the relationships do not decide). */
  UnresolvedDataPart: 'BACPAC_UNRESOLVED_DATA_PART',
  /** A BCP data part ends inside a row. */
  BcpTruncated: 'BACPAC_BCP_TRUNCATED',
  /** A BCP data part decodes cleanly up to an offset, and the few bytes after it are not a row. */
  BcpTrailingBytes: 'BACPAC_BCP_TRAILING_BYTES',
  /** A BCP data part holds a field that cannot be decoded. */
  BcpInvalid: 'BACPAC_BCP_INVALID',
} as const;

export type ReaderErrorCode = (typeof ReaderErrorCode)[keyof typeof ReaderErrorCode];

export function readerError(
  code: ReaderErrorCode,
  message: string,
  details?: Record<string, unknown>,
): BacpacError {
  return new BacpacError(code, message, details);
}
