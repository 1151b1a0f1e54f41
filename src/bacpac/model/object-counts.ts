import { uncountedTypes } from './registry';
import type { DatabaseModel } from './types';
import { walkElements } from './walk';

/**
 * Origin.xml's ObjectCounts: the number of elements of each type anywhere in the model (top level
 * or nested), named without the `Sql` prefix, in alphabetical order, zero counts left out.
 * SqlTypeSpecifier, SqlXmlTypeSpecifier, SqlIndexedColumnSpecification and SqlDynamicColumnSource
 * are not counted. DatabaseOptions is always 1.
 */
export function countObjects(model: DatabaseModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of walkElements([model.databaseOptions, ...model.elements])) {
    if (uncountedTypes.has(el.type)) continue;
    const key = el.type.startsWith('Sql') ? el.type.slice(3) : el.type;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return new Map(keys.map((k) => [k, counts.get(k) ?? 0]));
}
