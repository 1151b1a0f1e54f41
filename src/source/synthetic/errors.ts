import { BacpacError } from '../../bacpac/errors';

/**
 * Errors of the synthetic source. Codes:
 * - SYNTHETIC_OPTIONS: an option of createSyntheticSource is out of range
 * - SYNTHETIC_UNKNOWN_TABLE: a table name that the synthetic database does not have
 * - SYNTHETIC_BAD_RANGE: a part's row range is not inside its table
 * - SYNTHETIC_ABORTED: row generation was aborted through the caller's signal
 */
export class SyntheticSourceError extends BacpacError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
    this.name = 'SyntheticSourceError';
  }
}
