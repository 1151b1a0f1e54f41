import { METADATA_PART_NAMES, type BacpacParts } from '../reader';
import type { ProblemList } from './problem-list';
import { VerifyCode } from './types';

const REQUIRED = ['contentTypes', 'origin', 'dacMetadata', 'model'] as const;

/**
 * Checks which parts the package holds: no part name twice, every required metadata part present,
 * a relationships part whenever there are data parts; any other entry is a warning.
 */
export function checkParts(parts: BacpacParts, problems: ProblemList): void {
  for (const dup of parts.duplicates) {
    problems.error(VerifyCode.DuplicateEntry, `part ${dup.name}: a second entry with this part name`, {
      part: dup.name,
    });
  }
  for (const role of REQUIRED) {
    if (parts[role] === undefined) {
      const part = METADATA_PART_NAMES[role];
      problems.error(VerifyCode.MissingPart, `part ${part}: required in every BACPAC, not in the package`, {
        part,
      });
    }
  }
  if (parts.rels === undefined && parts.data.length > 0) {
    const part = METADATA_PART_NAMES.rels;
    problems.error(
      VerifyCode.MissingPart,
      `part ${part}: the package has ${parts.data.length} data parts but no relationships part`,
      { part },
    );
  }
  for (const other of parts.other) {
    problems.warning(VerifyCode.UnknownPart, `part ${other.name}: not a BACPAC part`, { part: other.name });
  }
}
