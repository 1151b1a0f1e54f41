import type { ZipEntry } from '../zip';

/**
 * The ZIP writer family of a BACPAC (format spec 1.2-1.3), judged by the record fields:
 * - 'F' (DacFx on .NET Framework): version made by 0x002D and the 0xA220 padding extra field in every
 *   local header;
 * - 'C' (DacFx on .NET Core/.NET): version made by 2.0 (0x0014 MS-DOS or 0x0314 Unix), no extra fields;
 * - 'other': anything else (another ZIP writer, or a mix).
 */
export type ZipFamily = 'F' | 'C' | 'other';

const PADDING_EXTRA_ID = 0xa220;

export function guessZipFamily(entries: readonly ZipEntry[]): ZipFamily {
  if (entries.length === 0) return 'other';
  const isF = entries.every(
    (e) =>
      e.versionMadeBy === 0x002d && e.localExtraIds.length === 1 && e.localExtraIds[0] === PADDING_EXTRA_ID,
  );
  if (isF) return 'F';
  const isC = entries.every(
    (e) =>
      (e.versionMadeBy === 0x0014 || e.versionMadeBy === 0x0314) &&
      e.localExtraLength === 0 &&
      e.centralExtraLength === 0,
  );
  return isC ? 'C' : 'other';
}
