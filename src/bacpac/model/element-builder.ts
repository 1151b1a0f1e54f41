import type { AnnotationDescriptor, KindDescriptor, PropertySpec, RelationshipSpec } from './descriptor';
import { modelError } from './model-error';
import type { ModelElement } from './types';
import type { Annotation, PropertyValue, RawXml, Reference, UnmodelledParts } from './values';

/** One element or annotation being read: its attributes, and the children collected so far. */
export interface Builder {
  readonly kind: 'element' | 'annotation';
  readonly type: string;
  readonly name: string | undefined;
  readonly disambiguator: number | undefined;
  readonly propertySpecs: readonly PropertySpec[];
  readonly properties: Record<string, PropertyValue>;
  readonly relationships: Record<string, unknown>;
  readonly annotations: Annotation[];
  /** Parts the descriptor does not list, kept as read (elements only). */
  readonly unmodelled: {
    attributes: (readonly [string, string])[];
    properties: RawXml[];
    relationships: RawXml[];
    annotations: RawXml[];
  };
  /** Text naming this element (and its nearest named ancestor) for error messages. */
  readonly where: string;
  readonly descriptor?: KindDescriptor;
}

export function describeElement(type: string, name: string | undefined, parentWhere?: string): string {
  const own = name === undefined ? type : `${type} ${name}`;
  return name === undefined && parentWhere !== undefined ? `${own} in ${parentWhere}` : own;
}

export function newElementBuilder(
  descriptor: KindDescriptor,
  name: string | undefined,
  disambiguator: number | undefined,
  where: string,
): Builder {
  if (descriptor.naming === 'named' && name === undefined) {
    throw modelError('MODEL_BAD_NAMING', `${where}: ${descriptor.type} must have a Name attribute`);
  }
  if (descriptor.naming === 'unnamed' && name !== undefined) {
    throw modelError('MODEL_BAD_NAMING', `${where}: ${descriptor.type} must not have a Name attribute`);
  }
  return { ...emptyBuilder('element', descriptor, name, disambiguator, where), descriptor };
}

export function newAnnotationBuilder(
  descriptor: AnnotationDescriptor,
  name: string | undefined,
  disambiguator: number | undefined,
  where: string,
): Builder {
  return emptyBuilder('annotation', descriptor, name, disambiguator, where);
}

/** A builder with nothing collected yet. */
function emptyBuilder(
  kind: Builder['kind'],
  descriptor: KindDescriptor | AnnotationDescriptor,
  name: string | undefined,
  disambiguator: number | undefined,
  where: string,
): Builder {
  return {
    kind,
    type: descriptor.type,
    name,
    disambiguator,
    propertySpecs: descriptor.properties,
    properties: {},
    relationships: {},
    annotations: [],
    unmodelled: { attributes: [], properties: [], relationships: [], annotations: [] },
    where,
  };
}

/** Stores a relationship's entries, checking arity and that it appears once. */
export function setRelationship(b: Builder, spec: RelationshipSpec, entries: unknown[]): void {
  if (Object.hasOwn(b.relationships, spec.name)) {
    throw modelError('MODEL_XML_INVALID', `${b.where}: relationship ${spec.name} appears twice`);
  }
  if (spec.arity === 'one') {
    if (entries.length !== 1) {
      throw modelError(
        'MODEL_UNEXPECTED_ENTRY',
        `${b.where}: relationship ${spec.name} expected exactly one entry, found ${entries.length}`,
      );
    }
    b.relationships[spec.name] = entries[0];
  } else {
    b.relationships[spec.name] = entries;
  }
}

export function setProperty(b: Builder, name: string, value: PropertyValue): void {
  if (Object.hasOwn(b.properties, name)) {
    throw modelError('MODEL_XML_INVALID', `${b.where}: property ${name} appears twice`);
  }
  b.properties[name] = value;
}

export function finishElement(b: Builder): ModelElement {
  const el: Record<string, unknown> = { type: b.type };
  if (b.name !== undefined) el.name = b.name;
  if (b.disambiguator !== undefined) el.disambiguator = b.disambiguator;
  el.properties = b.properties;
  el.relationships = b.relationships;
  if (b.annotations.length > 0) el.annotations = b.annotations;
  const unmodelled = unmodelledOf(b);
  if (unmodelled !== undefined) el.unmodelled = unmodelled;
  // The builder checked every property and relationship against the kind's descriptor.
  return el as unknown as ModelElement;
}

function unmodelledOf(b: Builder): UnmodelledParts | undefined {
  const { attributes, properties, relationships, annotations } = b.unmodelled;
  if (attributes.length + properties.length + relationships.length + annotations.length === 0)
    return undefined;
  return {
    ...(attributes.length > 0 ? { attributes } : {}),
    ...(properties.length > 0 ? { properties } : {}),
    ...(relationships.length > 0 ? { relationships } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  };
}

export function finishAnnotation(b: Builder): Annotation {
  const a: Record<string, unknown> = { type: b.type };
  if (b.name !== undefined) a.name = b.name;
  if (b.disambiguator !== undefined) a.disambiguator = b.disambiguator;
  a.properties = b.properties;
  // Checked against the annotation descriptor while reading.
  return a as unknown as Annotation;
}

/** An unresolved reference entry built from a PersistedResolvableAnnotation. */
export function finishUnresolved(b: Builder): Reference {
  if (b.name === undefined) {
    throw modelError('MODEL_XML_INVALID', `${b.where}: PersistedResolvableAnnotation without a Name`);
  }
  const target = b.properties.TargetTypeStorage;
  return {
    name: b.name,
    ...(b.disambiguator === undefined ? {} : { disambiguator: b.disambiguator }),
    unresolved: typeof target === 'string' ? { targetTypeStorage: target } : {},
  };
}
