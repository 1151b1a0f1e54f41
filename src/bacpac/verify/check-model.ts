import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream';
import type { DatabaseModel } from '../model';
import { readModelXml } from '../model';
import { createSha256Tap } from '../package';
import type { BacpacPackage } from '../reader';
import { isZipError, messageOf, type ProblemList } from './problem-list';
import { VerifyCode } from './types';

export interface ModelCheck {
  readonly model?: DatabaseModel;
  /** Uppercase hex SHA-256 of the stored model.xml bytes, when they could be read. */
  readonly computed?: string;
}

async function hashStream(stream: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex').toUpperCase();
}

/**
 * Streams model.xml once through a SHA-256 tap into the model reader. When the model cannot be read,
 * the bytes are hashed in a second pass so the checksum is still checked.
 */
export async function checkModel(pkg: BacpacPackage, problems: ProblemList): Promise<ModelCheck> {
  const entry = pkg.parts.model;
  if (entry === undefined) return {};
  const part = entry.name;
  const tap = createSha256Tap();
  pipeline(pkg.openModelXml(), tap, () => {
    // A failure reaches readModelXml through the tap, which the pipeline destroys with it.
  });
  try {
    const model = await readModelXml(tap);
    return { model, computed: tap.digest };
  } catch (error) {
    tap.destroy();
    if (isZipError(error)) {
      problems.error(VerifyCode.Zip, `part ${part}: ${messageOf(error)}`, { part });
      return {};
    }
    problems.error(VerifyCode.Model, `part ${part}: the model cannot be read: ${messageOf(error)}`, { part });
  }
  try {
    return { computed: await hashStream(pkg.openModelXml()) };
  } catch (error) {
    problems.error(VerifyCode.Zip, `part ${part}: ${messageOf(error)}`, { part });
    return {};
  }
}
