import type { PropertySpec, RelationshipSpec } from '../descriptor';
import type { Builder } from '../element-builder';
import type { RawXml } from '../values';

/** One open XML element of model.xml on the reader's stack, with what has been collected inside it. */
export type Frame =
  | { readonly tag: 'DataSchemaModel' | 'Model' | 'References' | 'AttachedAnnotation' }
  | ElementFrame
  | AnnotationFrame
  | PropertyFrame
  | ValueFrame
  | RelationshipFrame
  | EntryFrame
  | RawFrame;

export interface ElementFrame {
  readonly tag: 'Element';
  readonly b: Builder;
}

export interface AnnotationFrame {
  readonly tag: 'Annotation';
  readonly b: Builder;
  /** True for an unresolved reference inside a relationship Entry. */
  readonly inEntry: boolean;
}

export interface PropertyFrame {
  readonly tag: 'Property';
  readonly owner: Builder;
  readonly spec: PropertySpec;
  /** The Value attribute, when the value is not a <Value> child. */
  attr?: string;
  hasValue: boolean;
}

export interface ValueFrame {
  readonly tag: 'Value';
  readonly prop: PropertyFrame;
  text: string;
  /** The QuotedIdentifiers attribute as read. */
  readonly qi?: string;
  /** The AnsiNulls attribute as read. */
  readonly an?: string;
}

export interface RelationshipFrame {
  readonly tag: 'Relationship';
  readonly owner: Builder;
  readonly spec: RelationshipSpec;
  readonly entries: unknown[];
}

export interface EntryFrame {
  readonly tag: 'Entry';
  readonly rel: RelationshipFrame;
  readonly items: unknown[];
}

/** An XML element kept as read (RawXml), with what has been collected inside it. */
export interface RawFrame {
  readonly tag: 'Raw';
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: RawXml[];
  text: string;
  cdata: boolean;
  /** Receives the finished element: its parent's children, or the owner's unmodelled parts. */
  readonly keep: (raw: RawXml) => void;
}

/** XML attributes of one tag, by name. */
export type Attributes = Record<string, string>;

/** Text giving the parser's position for error messages, e.g. `line 12`. */
export type Position = () => string;
