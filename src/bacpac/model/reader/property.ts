import { setProperty } from '../element-builder';
import { modelError } from '../model-error';
import { parseAttributeValue } from '../property-values';
import { checkAttributes } from './attributes';
import type { AnnotationFrame, Attributes, ElementFrame, PropertyFrame, Position, RawFrame } from './frames';
import { openRaw } from './raw';

/** Opens a <Property> of an element or annotation; its Name must be a property of the owner's kind. */
export function openProperty(
  attrs: Attributes,
  parent: ElementFrame | AnnotationFrame,
  at: Position,
): PropertyFrame | RawFrame {
  const owner = parent.b;
  const spec = owner.propertySpecs.find((s) => s.name === attrs.Name);
  // An element's property its kind does not list is kept as read; an annotation's is an error.
  if (spec === undefined && owner.kind === 'element') {
    return openRaw('Property', attrs, (raw) => owner.unmodelled.properties.push(raw));
  }
  checkAttributes(attrs, ['Name', 'Value'], 'Property');
  if (spec === undefined) {
    throw modelError(
      'MODEL_UNKNOWN_PROPERTY',
      `${owner.where}: property ${String(attrs.Name)} is not known for ${owner.type} (${at()})`,
      { type: owner.type, property: attrs.Name },
    );
  }
  return { tag: 'Property', owner, spec, attr: attrs.Value, hasValue: false };
}

/**
 * Closes a <Property>: a Value attribute is parsed and stored here; a <Value> child has already
 * stored itself; a property with neither is an error.
 */
export function closeProperty(frame: PropertyFrame): void {
  if (frame.attr !== undefined) {
    setProperty(frame.owner, frame.spec.name, parseAttributeValue(frame.spec, frame.attr, frame.owner.where));
  } else if (!frame.hasValue) {
    throw modelError('MODEL_BAD_VALUE', `${frame.owner.where}: property ${frame.spec.name} has no value`);
  }
}
