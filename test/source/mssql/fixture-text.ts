import { readModelXml } from '../../../src/bacpac/model/reader';
import type { DatabaseModel, ModelElement } from '../../../src/bacpac/model/types';
import { writeModelXml } from '../../../src/bacpac/model/writer';
import { readFixtureEntries } from '../../helpers/fixtures';

/** The model.xml text of a fixture (its own line endings) and the model read from it. */
export async function fixtureModel(file: string): Promise<{ text: string; model: DatabaseModel }> {
  const bytes = (await readFixtureEntries(file)).get('model.xml');
  if (bytes === undefined) throw new Error(`${file}: no model.xml`);
  return { text: bytes.toString('utf8').replace(/\r\n/g, '\n'), model: await readModelXml(bytes) };
}

/** The text of a model written by this project's writer, with LF line endings. */
export function writtenText(model: DatabaseModel): string {
  return [...writeModelXml(model, { lineEnding: '\n' })].join('');
}

/**
 * The lines of the element whose opening line is `open` (exact, without indentation), or of the
 * element of that opening that contains `marker`, from the opening line to its closing line.
 */
export function elementText(xml: string, open: string, marker?: string): string {
  const lines = xml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trimStart() !== open) continue;
    const indent = line.slice(0, line.length - line.trimStart().length);
    let end = i;
    if (!open.endsWith('/>')) {
      while (
        end < lines.length &&
        lines[end] !== `${indent}</Element>` &&
        lines[end] !== `${indent}</Relationship>`
      )
        end++;
    }
    const text = lines.slice(i, end + 1).join('\n');
    if (marker === undefined || text.includes(marker)) return text;
  }
  throw new Error(`no element ${open}${marker !== undefined ? ` containing ${marker}` : ''}`);
}

/** Disambiguator numbers replaced by `n` (they are unique in a model, not fixed). */
export function anyDisambiguator(text: string): string {
  return text.replace(/Disambiguator="\d+"/g, 'Disambiguator="n"');
}

/** A top-level element of a fixture model by type and name. */
export function fixtureElement(model: DatabaseModel, type: string, name: string): ModelElement {
  const found = model.elements.find((e) => e.type === type && e.name === name);
  if (found === undefined) throw new Error(`no ${type} ${name}`);
  return found;
}
