import { compareNameParts } from './name-order';
import { parseName } from './names';
import type { ModelElement } from './types';

/**
 * Sorts the top-level elements the way DacFx writes them: elements without a Name first, ordered by
 * Type; then named elements by name (see name-order.ts). Ties are not shown by the fixtures except
 * for unnamed inline constraints of one type, which appear in ascending order of their
 * SqlInlineConstraintAnnotation disambiguator; named ties (a login and a user of one name) are
 * ordered by Type and then disambiguator. Both tie rules are assumptions beyond that evidence.
 */
/** What the order looks at: an element's type, name, disambiguator and inline-constraint annotation. */
export type Sortable = Pick<ModelElement, 'type' | 'name' | 'disambiguator' | 'annotations'> | SortableRaw;

interface SortableRaw {
  readonly type: string;
  readonly name?: string;
  readonly disambiguator?: number;
  readonly annotations?: undefined;
}

export function sortTopLevel<E extends Sortable>(elements: readonly E[]): E[] {
  const keyed = elements.map((el) => ({
    el,
    parts: el.name === undefined ? undefined : parseName(el.name),
    inline: inlineDisambiguator(el),
  }));
  keyed.sort((a, b) => {
    if (a.parts === undefined || b.parts === undefined) {
      if (a.parts !== undefined) return 1;
      if (b.parts !== undefined) return -1;
      return compareOrdinal(a.el.type, b.el.type) || a.inline - b.inline;
    }
    return (
      compareNameParts(a.parts, b.parts) ||
      compareOrdinal(a.el.type, b.el.type) ||
      (a.el.disambiguator ?? 0) - (b.el.disambiguator ?? 0)
    );
  });
  return keyed.map((k) => k.el);
}

function inlineDisambiguator(el: Sortable): number {
  for (const a of el.annotations ?? []) {
    if (a.type === 'SqlInlineConstraintAnnotation') return a.disambiguator ?? 0;
  }
  return 0;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
