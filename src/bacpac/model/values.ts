/**
 * The values that appear inside model.xml elements: references to other elements, scripts, and
 * annotations. Element kinds (kinds/*.ts) are built from these.
 */

/**
 * `<References [ExternalSource="BuiltIns"] [Name="[..]"] [Disambiguator="n"] />`. A reference to a
 * built-in object (system type, `[dbo]`, `[public]`, `[PRIMARY]`, fixed roles) carries
 * `externalSource: 'BuiltIns'`. The database options are referenced by disambiguator alone.
 */
export interface Reference {
  readonly name?: string;
  readonly disambiguator?: number;
  readonly externalSource?: 'BuiltIns';
  /**
   * Set when the entry holds `<Annotation Type="PersistedResolvableAnnotation" Name="[..]">` instead
   * of `References`: a reference DacFx could not resolve (then `name` is the annotation's Name). No
   * fixture has one; the shape (one annotation with a `TargetTypeStorage` property) follows public
   * samples and is an assumption.
   */
  readonly unresolved?: { readonly targetTypeStorage?: string };
}

/**
 * A script property: `<Property Name="P"><Value [QuotedIdentifiers=".."] [AnsiNulls=".."]><![CDATA[..]]></Value></Property>`.
 * Line breaks in `text` are `\n`; the writer turns them into the file's line ending, as DacFx does.
 */
export interface Script {
  readonly text: string;
  readonly quotedIdentifiers?: boolean;
  readonly ansiNulls?: boolean;
}

export type PropertyValue = boolean | number | string | Script;

/**
 * A piece of model.xml this library does not model (an element type, or a property, relationship or
 * annotation a known type is not known to have), kept as read so that it is written back: DacFx
 * versions and features beyond the registry still read, verify and repack. Whitespace between
 * child elements is not kept (the writer indents); a leaf keeps its text.
 */
export interface RawXml {
  readonly tag: string;
  /** Attributes in document order. */
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly RawXml[];
  /** A leaf's text; `cdata` when it came in CDATA sections. */
  readonly text?: { readonly value: string; readonly cdata: boolean };
}

/** What a known element carries that its kind's descriptor does not list, kept as read. */
export interface UnmodelledParts {
  /** Attributes of the element's own tag beyond Type, Name and Disambiguator, in document order. */
  readonly attributes?: readonly (readonly [string, string])[];
  readonly properties?: readonly RawXml[];
  readonly relationships?: readonly RawXml[];
  readonly annotations?: readonly RawXml[];
}

/** The common shape of every element kind. */
export interface ElementBase<T extends string, P extends object, R extends object> {
  readonly type: T;
  readonly name?: string;
  readonly disambiguator?: number;
  readonly properties: P;
  readonly relationships: R;
  readonly annotations?: readonly Annotation[];
  /** Properties, relationships and annotations not in the kind's descriptor, kept as read. */
  readonly unmodelled?: UnmodelledParts;
}

/** `<Annotation Type="OnlinePropertyAnnotation" Name="[LastValue]">`: the current identity value (exact text). */
export interface OnlinePropertyAnnotation {
  readonly type: 'OnlinePropertyAnnotation';
  readonly name?: string;
  readonly disambiguator?: number;
  /** `CurrentValue` (sequences) is a guess: no fixture has a sequence. */
  readonly properties: { readonly Value?: string; readonly CurrentValue?: string };
}

/** Ends an unnamed (system-named) constraint: its real name and the disambiguator its owner points to. */
export interface SqlInlineConstraintAnnotation {
  readonly type: 'SqlInlineConstraintAnnotation';
  readonly name?: string;
  readonly disambiguator?: number;
  readonly properties: Record<string, never>;
}

/** Marks a constraint created or re-enabled WITH NOCHECK. */
export interface IsNotTrustedPropertyAnnotation {
  readonly type: 'IsNotTrustedPropertyAnnotation';
  readonly name?: string;
  readonly disambiguator?: number;
  readonly properties: Record<string, never>;
}

/** The original text around a code module's body. */
export interface SysCommentsObjectAnnotation {
  readonly type: 'SysCommentsObjectAnnotation';
  readonly name?: string;
  readonly disambiguator?: number;
  readonly properties: {
    readonly CreateOffset?: number;
    readonly Length?: number;
    readonly StartLine?: number;
    readonly StartColumn?: number;
    readonly HeaderContents?: string;
    readonly FooterContents?: string;
  };
}

/** `<AttachedAnnotation Disambiguator="n" />`: the owner side of an inline constraint. */
export interface AttachedAnnotation {
  readonly type: 'AttachedAnnotation';
  readonly disambiguator: number;
}

export type Annotation =
  | OnlinePropertyAnnotation
  | SqlInlineConstraintAnnotation
  | IsNotTrustedPropertyAnnotation
  | SysCommentsObjectAnnotation
  | AttachedAnnotation;

/** Shorthand for a built-in reference such as `[int]` or `[dbo]`. */
export function builtIn(name: string): Reference {
  return { externalSource: 'BuiltIns', name };
}

/** Shorthand for a reference to an element of the model. */
export function ref(name: string, disambiguator?: number): Reference {
  return disambiguator === undefined ? { name } : { name, disambiguator };
}
