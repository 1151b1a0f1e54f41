import type { Readable } from 'node:stream';
import { readModelXml } from './reader';
import { writeModelXml } from './writer';

export interface ModelComparison {
  readonly equal: boolean;
  /** The first line (1-based, in the canonical text) where the two models differ. */
  readonly firstDifference?: { readonly line: number; readonly a: string; readonly b: string };
}

type ModelInput = Readable | AsyncIterable<Buffer> | Buffer;

/**
 * Compares two model.xml documents canonically: same elements in the same order with the same
 * properties, relationships and annotations, ignoring what does not change the model (a BOM, CRLF
 * versus LF, line breaks inside scripts, a property written with its default value, how CDATA is
 * split). Both are read with the typed reader and rewritten with LF, then compared line by line.
 * All six fixtures round-trip byte for byte, so this is for files from other writers and versions.
 */
export async function compareModelXml(a: ModelInput, b: ModelInput): Promise<ModelComparison> {
  const textA = [...writeModelXml(await readModelXml(a), { lineEnding: '\n' })].join('').split('\n');
  const textB = [...writeModelXml(await readModelXml(b), { lineEnding: '\n' })].join('').split('\n');
  const n = Math.max(textA.length, textB.length);
  for (let i = 0; i < n; i++) {
    if (textA[i] !== textB[i]) {
      return { equal: false, firstDifference: { line: i + 1, a: textA[i] ?? '', b: textB[i] ?? '' } };
    }
  }
  return { equal: true };
}
