import type { ModelElement } from './types';

/** Visits every element of the model tree, depth first: the element, then its nested elements. */
export function* walkElements(elements: Iterable<ModelElement>): Generator<ModelElement> {
  for (const el of elements) {
    yield el;
    for (const value of Object.values(el.relationships as Record<string, unknown>)) {
      const entries = Array.isArray(value) ? (value as unknown[]) : [value];
      for (const entry of entries) {
        if (isElement(entry)) yield* walkElements([entry]);
      }
    }
  }
}

function isElement(entry: unknown): entry is ModelElement {
  return typeof entry === 'object' && entry !== null && 'type' in entry && 'properties' in entry;
}
