import type { PropertyValue } from './values';

/**
 * Descriptors drive the generic reader and writer: for each element kind, the properties in the
 * order DacFx writes them (with their value type and the default DacFx leaves out) and the
 * relationships (single or list; references or nested elements of the named kinds).
 */
export type ValueKind = 'boolean' | 'integer' | 'text' | 'script';

export interface PropertySpec {
  readonly name: string;
  readonly kind: ValueKind;
  /** The value DacFx does not write. Undefined when no value is ever left out. */
  readonly default?: boolean | number | string;
}

export interface RelationshipSpec {
  readonly name: string;
  /** 'one': exactly one entry, typed as a single value; 'many': a list. */
  readonly arity: 'one' | 'many';
  /** 'references', or the element types that may be nested in its entries. */
  readonly entries: 'references' | readonly string[];
}

export interface KindDescriptor {
  readonly type: string;
  /** 'named': always has a Name; 'unnamed': never; 'either': inline constraints may lack one. */
  readonly naming: 'named' | 'unnamed' | 'either';
  readonly properties: readonly PropertySpec[];
  readonly relationships: readonly RelationshipSpec[];
}

/** An annotation kind: `<Annotation Type="T" [Name] [Disambiguator]>` with properties only. */
export interface AnnotationDescriptor {
  readonly type: string;
  readonly properties: readonly PropertySpec[];
}

interface AnyElementShape {
  readonly type: string;
  readonly properties: object;
  readonly relationships: object;
}

/** A descriptor whose property and relationship names are checked against the kind's interface. */
export interface KindDescriptorFor<E extends AnyElementShape> extends KindDescriptor {
  readonly type: E['type'];
  readonly properties: readonly (PropertySpec & { readonly name: keyof E['properties'] & string })[];
  readonly relationships: readonly (RelationshipSpec & {
    readonly name: keyof E['relationships'] & string;
  })[];
}

export function defineKind<E extends AnyElementShape>(d: KindDescriptorFor<E>): KindDescriptorFor<E> {
  return d;
}

export const p = {
  bool: <N extends string>(name: N, dflt?: boolean) => spec(name, 'boolean', dflt),
  int: <N extends string>(name: N, dflt?: number) => spec(name, 'integer', dflt),
  text: <N extends string>(name: N) => spec(name, 'text', undefined),
  script: <N extends string>(name: N) => spec(name, 'script', undefined),
};

function spec<N extends string>(name: N, kind: ValueKind, dflt: PropertyValue | undefined) {
  return dflt === undefined ? { name, kind } : { name, kind, default: dflt as boolean | number | string };
}

export const r = {
  one: <N extends string>(name: N, entries: 'references' | readonly string[] = 'references') => ({
    name,
    arity: 'one' as const,
    entries,
  }),
  many: <N extends string>(name: N, entries: 'references' | readonly string[] = 'references') => ({
    name,
    arity: 'many' as const,
    entries,
  }),
};
