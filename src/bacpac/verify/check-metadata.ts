import type { OriginInfo, RelsContent } from '../package';
import type { BacpacPackage } from '../reader';
import { checkContentTypes } from './check-content-types';
import { isZipError, messageOf, type ProblemList } from './problem-list';
import { VerifyCode } from './types';

/** Reads one metadata part, turning a failure into a problem naming the part. */
async function readMetadata<T>(
  part: string | undefined,
  read: () => Promise<T>,
  problems: ProblemList,
): Promise<T | undefined> {
  if (part === undefined) return undefined;
  try {
    return await read();
  } catch (error) {
    const code = isZipError(error) ? VerifyCode.Zip : VerifyCode.BadPart;
    problems.error(code, `part ${part}: ${messageOf(error)}`, { part });
    return undefined;
  }
}

/** The metadata the later checks need; each is undefined when its part is absent or unreadable. */
export interface MetadataCheck {
  readonly origin: OriginInfo | undefined;
  readonly rels: RelsContent | undefined;
}

/**
 * Reads Origin.xml, DacMetadata.xml, [Content_Types].xml (checking it against the entries) and the
 * relationships part, in that order.
 */
export async function checkMetadata(pkg: BacpacPackage, problems: ProblemList): Promise<MetadataCheck> {
  const { parts } = pkg;
  const origin = await readMetadata(parts.origin?.name, () => pkg.origin(), problems);
  await readMetadata(parts.dacMetadata?.name, () => pkg.dacMetadata(), problems);
  const types = await readMetadata(parts.contentTypes?.name, () => pkg.contentTypes(), problems);
  if (types !== undefined && parts.contentTypes !== undefined) {
    checkContentTypes(types, pkg.entries, parts.contentTypes.name, problems);
  }
  const rels = await readMetadata(parts.rels?.name, () => pkg.rels(), problems);
  return { origin, rels };
}
