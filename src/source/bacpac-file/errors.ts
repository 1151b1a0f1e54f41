import { BacpacError } from '../../bacpac/errors';

/**
 * Errors of the BACPAC-file source. Codes:
 * - BACPAC_SOURCE_TABLE_NOT_FOUND: a table asked for is not in the package's model
 * - BACPAC_SOURCE_BAD_PART: a part spec that this source did not plan (unknown entry, wrong table)
 * - BACPAC_SOURCE_INJECTED_FAILURE: the failure a test asked for with `failOnPart`
 */
export class BacpacFileSourceError extends BacpacError {
  constructor(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(code, message, details);
    this.name = 'BacpacFileSourceError';
  }
}
