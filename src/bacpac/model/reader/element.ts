import { describeElement, finishElement, newElementBuilder } from '../element-builder';
import { modelError } from '../model-error';
import { kindsByType } from '../registry';
import type { ModelElement } from '../types';
import { describeEntries, disambiguatorOf } from './attributes';
import type { Attributes, ElementFrame, EntryFrame, Frame, Position } from './frames';

/**
 * Opens an <Element>, at the top level of <Model> or inside a relationship <Entry> (`entry`). Its
 * Type must be a kind known to the registry and, inside an Entry, one the relationship allows.
 */
export function openElement(attrs: Attributes, entry: EntryFrame | undefined, at: Position): ElementFrame {
  const type = attrs.Type ?? '';
  const where = describeElement(type, attrs.Name, entry?.rel.owner.where);
  const descriptor = kindsByType.get(type);
  if (descriptor === undefined) {
    throw modelError('MODEL_UNKNOWN_ELEMENT', `${where}: element type not known to this reader (${at()})`, {
      type,
      name: attrs.Name,
    });
  }
  if (entry !== undefined) {
    const allowed = entry.rel.spec.entries;
    if (allowed === 'references' || !allowed.includes(type)) {
      throw modelError(
        'MODEL_UNEXPECTED_ENTRY',
        `${entry.rel.owner.where}: relationship ${entry.rel.spec.name} expected ${describeEntries(allowed)}, found element ${type} (${at()})`,
      );
    }
  }
  const b = newElementBuilder(descriptor, attrs.Name, disambiguatorOf(attrs, where), where);
  // An attribute a newer DacFx may add is kept with the element and written back, not refused.
  for (const [key, value] of Object.entries(attrs)) {
    if (key !== 'Type' && key !== 'Name' && key !== 'Disambiguator')
      b.unmodelled.attributes.push([key, value]);
  }
  return { tag: 'Element', b };
}

/** Closes an <Element>: the typed element goes to its Entry, or else to the top level. */
export function closeElement(
  frame: ElementFrame,
  parent: Frame | undefined,
  addTopLevel: (el: ModelElement) => void,
): void {
  const el = finishElement(frame.b);
  if (parent?.tag === 'Entry') parent.items.push(el);
  else addTopLevel(el);
}
