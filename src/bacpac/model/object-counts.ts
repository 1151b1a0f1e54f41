import { uncountedTypes } from './registry';
import type { DatabaseModel } from './types';
import { rawAttribute } from './raw-xml-writer';
import type { RawXml } from './values';
import { walkElements } from './walk';

/**
 * Origin.xml's ObjectCounts: the number of elements of each type anywhere in the model (top level
 * or nested), named without the `Sql` prefix, in alphabetical order, zero counts left out.
 * SqlTypeSpecifier, SqlXmlTypeSpecifier, SqlIndexedColumnSpecification and SqlDynamicColumnSource
 * are not counted. DatabaseOptions is always 1. Elements kept as read (types this library does not
 * model) are counted the same way.
 */
export function countObjects(model: DatabaseModel): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (type: string): void => {
    if (uncountedTypes.has(type)) return;
    const key = type.startsWith('Sql') ? type.slice(3) : type;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const el of walkElements([model.databaseOptions, ...model.elements])) {
    count(el.type);
    for (const raw of el.unmodelled?.relationships ?? []) countRawElements(raw, count);
  }
  for (const raw of model.unmodelledElements ?? []) countRawElements(raw, count);
  const keys = [...counts.keys()].sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return new Map(keys.map((k) => [k, counts.get(k) ?? 0]));
}

/** Calls `count` with the Type of every `<Element>` in a kept-as-read piece, itself included. */
function countRawElements(raw: RawXml, count: (type: string) => void): void {
  if (raw.tag === 'Element') {
    const type = rawAttribute(raw, 'Type');
    if (type !== undefined) count(type);
  }
  for (const child of raw.children) countRawElements(child, count);
}
