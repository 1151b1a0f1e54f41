import type { AnnotationDescriptor } from '../descriptor';
import { p } from '../descriptor';
import { finishAnnotation, finishUnresolved, newAnnotationBuilder } from '../element-builder';
import { modelError } from '../model-error';
import { annotationsByType } from '../registry';
import { checkAttributes, disambiguatorOf } from './attributes';
import type {
  AnnotationFrame,
  Attributes,
  ElementFrame,
  EntryFrame,
  Frame,
  Position,
  RawFrame,
} from './frames';
import { openRaw } from './raw';

/** The only annotation allowed inside a relationship Entry: an unresolved reference. */
const resolvableAnnotation: AnnotationDescriptor = {
  type: 'PersistedResolvableAnnotation',
  properties: [p.text('TargetTypeStorage')],
};

/**
 * Opens an <Annotation>: on an element, of a type known to the registry; inside an Entry of a
 * relationship that holds references, the unresolved-reference annotation.
 */
export function openAnnotation(
  attrs: Attributes,
  parent: ElementFrame | EntryFrame,
  at: Position,
): AnnotationFrame | RawFrame {
  const type = attrs.Type ?? '';
  // An element's annotation of a type not in the registry is kept as read.
  if (parent.tag === 'Element' && !annotationsByType.has(type)) {
    const owner = parent.b;
    return openRaw('Annotation', attrs, (raw) => owner.unmodelled.annotations.push(raw));
  }
  checkAttributes(attrs, ['Type', 'Name', 'Disambiguator'], 'Annotation');
  const ownerWhere = parent.tag === 'Element' ? parent.b.where : parent.rel.owner.where;
  const descriptor =
    parent.tag === 'Entry'
      ? type === resolvableAnnotation.type
        ? resolvableAnnotation
        : undefined
      : annotationsByType.get(type);
  if (descriptor === undefined) {
    throw modelError(
      'MODEL_UNKNOWN_ANNOTATION',
      `${ownerWhere}: annotation ${type} ${attrs.Name ?? ''} is not known here (${at()})`.replace('  ', ' '),
      { type, name: attrs.Name },
    );
  }
  if (parent.tag === 'Entry' && parent.rel.spec.entries !== 'references') {
    throw modelError(
      'MODEL_UNEXPECTED_ENTRY',
      `${ownerWhere}: relationship ${parent.rel.spec.name} expected elements, found an unresolved reference (${at()})`,
    );
  }
  const where = `${type} in ${ownerWhere}`;
  const b = newAnnotationBuilder(descriptor, attrs.Name, disambiguatorOf(attrs, where), where);
  return { tag: 'Annotation', b, inEntry: parent.tag === 'Entry' };
}

/** Opens an <AttachedAnnotation>, recorded on its element by Disambiguator (which it must have). */
export function openAttachedAnnotation(attrs: Attributes, parent: ElementFrame): Frame {
  checkAttributes(attrs, ['Disambiguator'], 'AttachedAnnotation');
  const d = disambiguatorOf(attrs, parent.b.where);
  if (d === undefined) {
    throw modelError('MODEL_XML_INVALID', `${parent.b.where}: AttachedAnnotation without Disambiguator`);
  }
  parent.b.annotations.push({ type: 'AttachedAnnotation', disambiguator: d });
  return { tag: 'AttachedAnnotation' };
}

/** Closes an <Annotation>: an unresolved reference goes to its Entry, any other to its element. */
export function closeAnnotation(frame: AnnotationFrame, parent: Frame | undefined): void {
  if (frame.inEntry && parent?.tag === 'Entry') parent.items.push(finishUnresolved(frame.b));
  else if (parent?.tag === 'Element') parent.b.annotations.push(finishAnnotation(frame.b));
}
