import type { KindDescriptor, RelationshipSpec } from './descriptor';
import { sortTopLevel } from './element-order';
import { dspNameOf, MODEL_NAMESPACE } from './header';
import { modelError } from './model-error';
import { formatAttributeValue, isScript } from './property-values';
import { annotationsByType, kindsByType } from './registry';
import type { DatabaseModel, ModelElement } from './types';
import { rawAttribute, writeRawXml } from './raw-xml-writer';
import type { Annotation, PropertyValue, RawXml, Reference } from './values';
import { cdata, escapeAttribute } from './xml-text';

export interface WriteModelOptions {
  /** `\r\n` as Windows DacFx writes, `\n` as on macOS/Linux. */
  readonly lineEnding: '\r\n' | '\n';
}

/**
 * Writes model.xml as DacFx does: XML declaration, one TAB per level, `<X ... />` for empty
 * elements, no trailing newline; properties (non-default only) in the kind's order, relationships
 * sorted by Name, then annotations; top-level elements sorted (element-order.ts). Yields the text in
 * pieces (one per top-level element) so the caller can stream it.
 */
export function* writeModelXml(model: DatabaseModel, options: WriteModelOptions): Generator<string> {
  const nl = options.lineEnding;
  const h = model.header;
  yield '<?xml version="1.0" encoding="utf-8"?>' + nl;
  yield `<DataSchemaModel FileFormatVersion="${escapeAttribute(h.fileFormatVersion)}" SchemaVersion="${escapeAttribute(h.schemaVersion)}" DspName="${dspNameOf(h.platform)}" CollationLcid="${h.collationLcid}" CollationCaseSensitive="${h.collationCaseSensitive ? 'True' : 'False'}"${(h.otherAttributes ?? []).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')} xmlns="${MODEL_NAMESPACE}">${nl}`;
  yield `\t<Model>${nl}`;
  const all: TopLevelEntry[] = [model.databaseOptions, ...model.elements];
  for (const raw of model.unmodelledElements ?? []) all.push(rawTopLevel(raw));
  for (const el of sortTopLevel(all)) {
    const lines: string[] = [];
    if ('raw' in el) writeRawXml(el.raw, 2, lines, nl);
    else writeElement(el, 2, lines, nl);
    yield lines.join(nl) + nl;
  }
  yield `\t</Model>${nl}`;
  yield '</DataSchemaModel>';
}

/** The whole model.xml as bytes (UTF-8, no BOM). */
export function modelXmlBytes(model: DatabaseModel, options: WriteModelOptions): Buffer {
  return Buffer.from([...writeModelXml(model, options)].join(''), 'utf8');
}

/** A top-level element kept as read, with what the sort needs. */
interface RawTopLevel {
  readonly type: string;
  readonly name?: string;
  readonly disambiguator?: number;
  readonly raw: RawXml;
}

type TopLevelEntry = ModelElement | RawTopLevel;

function rawTopLevel(raw: RawXml): RawTopLevel {
  const name = rawAttribute(raw, 'Name');
  const disambiguator = Number(rawAttribute(raw, 'Disambiguator'));
  return {
    type: rawAttribute(raw, 'Type') ?? '',
    ...(name === undefined ? {} : { name }),
    ...(Number.isInteger(disambiguator) ? { disambiguator } : {}),
    raw,
  };
}

function writeElement(el: ModelElement, depth: number, out: string[], nl: string): void {
  const kind = kindsByType.get(el.type);
  const where = el.name === undefined ? el.type : `${el.type} ${el.name}`;
  if (kind === undefined) {
    throw modelError('MODEL_UNKNOWN_ELEMENT', `${where}: element type not known to this writer`);
  }
  const tabs = '\t'.repeat(depth);
  let open = `${tabs}<Element Type="${el.type}"`;
  if (el.name !== undefined) open += ` Name="${escapeAttribute(el.name)}"`;
  if (el.disambiguator !== undefined) open += ` Disambiguator="${el.disambiguator}"`;
  for (const [key, value] of el.unmodelled?.attributes ?? []) open += ` ${key}="${escapeAttribute(value)}"`;
  const body: string[] = [];
  writeProperties(
    kind.properties,
    el.properties as Record<string, PropertyValue | undefined>,
    depth + 1,
    body,
    nl,
    where,
  );
  for (const raw of el.unmodelled?.properties ?? []) writeRawXml(raw, depth + 1, body, nl);
  writeRelationships(
    kind,
    el.relationships as Record<string, unknown>,
    el.unmodelled?.relationships ?? [],
    depth + 1,
    body,
    nl,
    where,
  );
  for (const a of el.annotations ?? []) writeAnnotation(a, depth + 1, body, nl, where);
  for (const raw of el.unmodelled?.annotations ?? []) writeRawXml(raw, depth + 1, body, nl);
  if (body.length === 0) {
    out.push(`${open} />`);
    return;
  }
  out.push(`${open}>`, ...body, `${tabs}</Element>`);
}

/** Writes properties that have a value (not their default), in the descriptor's order. */
export function writeProperties(
  specs: KindDescriptor['properties'],
  values: Record<string, PropertyValue | undefined>,
  depth: number,
  out: string[],
  nl: string,
  where: string,
): void {
  for (const key of Object.keys(values)) {
    if (!specs.some((s) => s.name === key)) {
      throw modelError(
        'MODEL_UNKNOWN_PROPERTY',
        `${where}: property ${key} is not known for this element type`,
      );
    }
  }
  const tabs = '\t'.repeat(depth);
  for (const spec of specs) {
    const value = values[spec.name];
    if (value === undefined || value === spec.default) continue;
    if (spec.kind === 'script') {
      if (!isScript(value)) {
        throw modelError(
          'MODEL_BAD_VALUE',
          `${where}: property ${spec.name} expected a script, found ${typeof value}`,
        );
      }
      let attrs = '';
      if (value.quotedIdentifiers !== undefined)
        attrs += ` QuotedIdentifiers="${value.quotedIdentifiers ? 'True' : 'False'}"`;
      if (value.ansiNulls !== undefined) attrs += ` AnsiNulls="${value.ansiNulls ? 'True' : 'False'}"`;
      out.push(
        `${tabs}<Property Name="${spec.name}">`,
        `${tabs}\t<Value${attrs}>${cdata(value.text, nl)}</Value>`,
        `${tabs}</Property>`,
      );
    } else {
      const text = formatAttributeValue(spec, value, where);
      out.push(`${tabs}<Property Name="${spec.name}" Value="${escapeAttribute(text)}" />`);
    }
  }
}

function writeRelationships(
  kind: KindDescriptor,
  values: Record<string, unknown>,
  unmodelled: readonly RawXml[],
  depth: number,
  out: string[],
  nl: string,
  where: string,
): void {
  for (const key of Object.keys(values)) {
    if (!kind.relationships.some((s) => s.name === key)) {
      throw modelError(
        'MODEL_UNKNOWN_RELATIONSHIP',
        `${where}: relationship ${key} is not known for ${kind.type}`,
      );
    }
  }
  const tabs = '\t'.repeat(depth);
  // Known and kept-as-read relationships together, sorted by Name as DacFx writes them.
  const named: { readonly name: string; readonly write: () => void }[] = [];
  for (const spec of kind.relationships) {
    const value = values[spec.name];
    if (value === undefined) continue;
    const entries = spec.arity === 'one' ? [value] : (value as readonly unknown[]);
    if (entries.length === 0) continue;
    named.push({
      name: spec.name,
      write: () => {
        out.push(`${tabs}<Relationship Name="${spec.name}">`);
        for (const entry of entries) {
          out.push(`${tabs}\t<Entry>`);
          writeEntry(spec, entry, depth + 2, out, nl, where);
          out.push(`${tabs}\t</Entry>`);
        }
        out.push(`${tabs}</Relationship>`);
      },
    });
  }
  for (const raw of unmodelled) {
    named.push({ name: rawAttribute(raw, 'Name') ?? '', write: () => writeRawXml(raw, depth, out, nl) });
  }
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const r of named) r.write();
}

/** Writes one entry of a relationship (a reference or a nested element), without its <Entry> tags. */
export function writeEntry(
  spec: RelationshipSpec,
  entry: unknown,
  depth: number,
  out: string[],
  nl: string,
  where: string,
) {
  const tabs = '\t'.repeat(depth);
  if (spec.entries === 'references') {
    const r = entry as Reference;
    if (r.unresolved !== undefined) {
      out.push(
        `${tabs}<Annotation Type="PersistedResolvableAnnotation" Name="${escapeAttribute(r.name ?? '')}">`,
      );
      if (r.unresolved.targetTypeStorage !== undefined) {
        out.push(
          `${tabs}\t<Property Name="TargetTypeStorage" Value="${escapeAttribute(r.unresolved.targetTypeStorage)}" />`,
        );
      }
      out.push(`${tabs}</Annotation>`);
      return;
    }
    let line = `${tabs}<References`;
    if (r.externalSource !== undefined) line += ` ExternalSource="${r.externalSource}"`;
    if (r.name !== undefined) line += ` Name="${escapeAttribute(r.name)}"`;
    if (r.disambiguator !== undefined) line += ` Disambiguator="${r.disambiguator}"`;
    out.push(`${line} />`);
    return;
  }
  const el = entry as ModelElement;
  if (!spec.entries.includes(el.type)) {
    throw modelError(
      'MODEL_UNEXPECTED_ENTRY',
      `${where}: relationship ${spec.name} expected ${spec.entries.join(' or ')}, found ${el.type}`,
    );
  }
  writeElement(el, depth, out, nl);
}

function writeAnnotation(a: Annotation, depth: number, out: string[], nl: string, where: string): void {
  const tabs = '\t'.repeat(depth);
  if (a.type === 'AttachedAnnotation') {
    out.push(`${tabs}<AttachedAnnotation Disambiguator="${a.disambiguator}" />`);
    return;
  }
  const descriptor = annotationsByType.get(a.type);
  if (descriptor === undefined) {
    throw modelError(
      'MODEL_UNKNOWN_ANNOTATION',
      `${where}: annotation ${String(a.type)} is not known to this writer`,
    );
  }
  let open = `${tabs}<Annotation Type="${a.type}"`;
  if (a.name !== undefined) open += ` Name="${escapeAttribute(a.name)}"`;
  if (a.disambiguator !== undefined) open += ` Disambiguator="${a.disambiguator}"`;
  const body: string[] = [];
  writeProperties(descriptor.properties, a.properties, depth + 1, body, nl, `${a.type} in ${where}`);
  if (body.length === 0) out.push(`${open} />`);
  else out.push(`${open}>`, ...body, `${tabs}</Annotation>`);
}
