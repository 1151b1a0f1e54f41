import type { DatabaseModel } from '../model';
import type { OriginInfo } from '../package';
import type { ProblemList } from './problem-list';
import { VerifyCode, type VerifyReport } from './types';

/**
 * Compares Origin.xml with model.xml: the model schema version (a warning when they differ) and
 * the recorded model checksum against the SHA-256 computed from model.xml (an error).
 */
export function compareChecksum(
  origin: OriginInfo | undefined,
  computed: string | undefined,
  model: DatabaseModel | undefined,
  problems: ProblemList,
): Pick<VerifyReport, 'modelChecksumOk' | 'modelChecksum'> {
  const stored = origin?.modelChecksum;
  if (origin !== undefined && model !== undefined) {
    if (origin.modelSchemaVersion !== model.header.schemaVersion) {
      problems.warning(
        VerifyCode.SchemaVersionMismatch,
        `Origin.xml: ModelSchemaVersion is ${origin.modelSchemaVersion}, model.xml SchemaVersion is ${model.header.schemaVersion}`,
        { part: 'Origin.xml' },
      );
    }
  }
  const modelChecksum = {
    ...(stored === undefined ? {} : { stored }),
    ...(computed === undefined ? {} : { computed }),
  };
  if (stored === undefined || computed === undefined) return { modelChecksum };
  const ok = stored.toUpperCase() === computed;
  if (!ok) {
    problems.error(
      VerifyCode.ChecksumMismatch,
      `part model.xml: its SHA-256 is ${computed}, Origin.xml records ${stored}`,
      { part: 'model.xml' },
    );
  }
  return { modelChecksumOk: ok, modelChecksum };
}
