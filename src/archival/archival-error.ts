import { BacpacError } from '../bacpac/errors';

/**
 * The error the archival layer throws. It is a BacpacError, so `[CODE]` stays in the message text
 * across the durable activity boundary.
 *
 * Codes:
 * - ARCHIVE_SCHEDULE_INVALID  BACPAC_ARCHIVE_SCHEDULE is not a valid six-field NCRONTAB expression
 * - ARCHIVE_JOBS_INVALID      BACPAC_ARCHIVE_JOBS breaks a rule; `problems` lists each, naming job and field
 * - ARCHIVE_SETTINGS_INVALID  both settings are wrong; `problems` lists the problems of both
 * - ARCHIVE_START_FAILED      (history records only) the timer could not start a slot's orchestration
 */
export class ArchivalError extends BacpacError {
  constructor(
    code: string,
    message: string,
    readonly problems: readonly string[] = [],
    details?: Readonly<Record<string, unknown>>,
  ) {
    super(code, message, details);
    this.name = 'ArchivalError';
  }
}
