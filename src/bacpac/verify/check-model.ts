import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream';
import type { DatabaseModel } from '../model';
import { rawAttribute, readModelXml, walkElements } from '../model';
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
    reportUnmodelled(model, part, problems);
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

/**
 * A warning naming what model.xml holds beyond this tool's model (element types, or properties,
 * relationships and annotations of known types): read and written back as they are, not checked.
 */
function reportUnmodelled(model: DatabaseModel, part: string, problems: ProblemList): void {
  const count = (m: Map<string, number>, key: string): void => void m.set(key, (m.get(key) ?? 0) + 1);
  const types = new Map<string, number>();
  for (const raw of model.unmodelledElements ?? []) count(types, rawAttribute(raw, 'Type') ?? '(no Type)');
  const parts = new Map<string, number>();
  for (const el of walkElements([model.databaseOptions, ...model.elements])) {
    const u = el.unmodelled;
    if (u === undefined) continue;
    for (const [key] of u.attributes ?? []) count(parts, `${el.type} attribute ${key}`);
    for (const raw of [...(u.properties ?? []), ...(u.relationships ?? []), ...(u.annotations ?? [])]) {
      const named = rawAttribute(raw, raw.tag === 'Annotation' ? 'Type' : 'Name') ?? '';
      count(parts, `${el.type} ${raw.tag.toLowerCase()} ${named}`.trim());
    }
  }
  if (types.size === 0 && parts.size === 0) return;
  const list = (m: Map<string, number>) => [...m].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join(', ');
  const said = [
    ...(types.size > 0 ? [`element types ${list(types)}`] : []),
    ...(parts.size > 0 ? [`${list(parts)}`] : []),
  ].join('; ');
  problems.warning(
    VerifyCode.ModelUnmodelled,
    `part ${part}: holds what this tool does not model, kept as read and not checked: ${said}`,
    { part },
  );
}
