import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { PropertySpec, RelationshipSpec } from './descriptor';
import { p } from './descriptor';
import type { Builder } from './element-builder';
import {
  describeElement,
  finishAnnotation,
  finishElement,
  finishUnresolved,
  newAnnotationBuilder,
  newElementBuilder,
  setProperty,
  setRelationship,
} from './element-builder';
import { parseHeader } from './header';
import { modelError } from './model-error';
import { parseAttributeValue } from './property-values';
import { annotationsByType, kindsByType } from './registry';
import type { DatabaseModel, ModelElement, ModelHeader, TopLevelElement } from './types';
import type { SqlDatabaseOptions } from './kinds/database-options';
import type { Reference } from './values';

type Frame =
  | { readonly tag: 'DataSchemaModel' | 'Model' | 'References' | 'AttachedAnnotation' }
  | { readonly tag: 'Element'; readonly b: Builder }
  | { readonly tag: 'Annotation'; readonly b: Builder; readonly inEntry: boolean }
  | {
      readonly tag: 'Property';
      readonly owner: Builder;
      readonly spec: PropertySpec;
      attr?: string;
      hasValue: boolean;
    }
  | {
      readonly tag: 'Value';
      readonly prop: PropertyFrame;
      text: string;
      readonly qi?: string;
      readonly an?: string;
    }
  | {
      readonly tag: 'Relationship';
      readonly owner: Builder;
      readonly spec: RelationshipSpec;
      readonly entries: unknown[];
    }
  | { readonly tag: 'Entry'; readonly rel: RelationshipFrame; readonly items: unknown[] };
type PropertyFrame = Extract<Frame, { tag: 'Property' }>;
type RelationshipFrame = Extract<Frame, { tag: 'Relationship' }>;

const resolvableAnnotation = {
  type: 'PersistedResolvableAnnotation',
  properties: [p.text('TargetTypeStorage')],
};

/**
 * Reads model.xml into the typed model, streaming it through a SAX parser (no DOM). Every element
 * kind, property, relationship and annotation must be known to the registry: anything else is a
 * coded error naming it, never dropped. Accepts CRLF or LF and an optional BOM.
 */
export async function readModelXml(input: Readable | AsyncIterable<Buffer> | Buffer): Promise<DatabaseModel> {
  const reader = new ModelReader();
  if (Buffer.isBuffer(input)) {
    reader.write(input);
  } else {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      reader.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    }
  }
  return reader.end();
}

class ModelReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly decoder = new StringDecoder('utf8');
  private readonly stack: Frame[] = [];
  private first = true;
  private header: ModelHeader | undefined;
  private options: SqlDatabaseOptions | undefined;
  private readonly elements: TopLevelElement[] = [];
  private failure: unknown;

  constructor() {
    this.parser.on('opentag', (tag) => this.guard(() => this.open(tag)));
    this.parser.on('closetag', () => this.guard(() => this.close()));
    this.parser.on('text', (t) => this.guard(() => this.text(t, false)));
    this.parser.on('cdata', (t) => this.guard(() => this.text(t, true)));
    this.parser.on('error', (e) => {
      this.failure ??= modelError('MODEL_XML_INVALID', `model.xml is not well-formed XML: ${e.message}`);
    });
  }

  write(chunk: Buffer): void {
    let text = this.decoder.write(chunk);
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.parser.write(text);
    this.rethrow();
  }

  end(): DatabaseModel {
    this.parser.write(this.decoder.end());
    this.rethrow();
    this.parser.close();
    this.rethrow();
    if (this.header === undefined)
      throw modelError('MODEL_XML_INVALID', 'model.xml has no DataSchemaModel root');
    if (this.options === undefined) {
      throw modelError(
        'MODEL_XML_INVALID',
        'model.xml has no SqlDatabaseOptions element (expected exactly one)',
      );
    }
    return { header: this.header, databaseOptions: this.options, elements: this.elements };
  }

  private guard(action: () => void): void {
    if (this.failure !== undefined) return;
    try {
      action();
    } catch (e) {
      this.failure = e;
    }
  }

  private rethrow(): void {
    // Always a BacpacError or an Error raised while handling a parser event.
    if (this.failure !== undefined) throw this.failure as Error;
  }

  private at(): string {
    return `line ${this.parser.line}`;
  }

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private open(tag: SaxesTagPlain): void {
    const parent = this.top();
    const attrs = tag.attributes;
    const name = tag.name;
    const unexpected = () =>
      modelError(
        'MODEL_XML_INVALID',
        `<${name}> is not expected inside <${parent?.tag ?? 'document'}> (${this.at()})`,
      );

    if (parent === undefined) {
      if (name !== 'DataSchemaModel') throw unexpected();
      this.header = parseHeader(attrs);
      this.stack.push({ tag: 'DataSchemaModel' });
      return;
    }
    switch (name) {
      case 'Model':
        if (parent.tag !== 'DataSchemaModel') throw unexpected();
        checkAttributes(attrs, [], 'Model');
        this.stack.push({ tag: 'Model' });
        return;
      case 'Element': {
        if (parent.tag !== 'Model' && parent.tag !== 'Entry') throw unexpected();
        checkAttributes(attrs, ['Type', 'Name', 'Disambiguator'], 'Element');
        const type = attrs.Type ?? '';
        const parentWhere = parent.tag === 'Entry' ? parent.rel.owner.where : undefined;
        const where = describeElement(type, attrs.Name, parentWhere);
        const descriptor = kindsByType.get(type);
        if (descriptor === undefined) {
          throw modelError(
            'MODEL_UNKNOWN_ELEMENT',
            `${where}: element type not known to this reader (${this.at()})`,
            {
              type,
              name: attrs.Name,
            },
          );
        }
        if (parent.tag === 'Entry') {
          const allowed = parent.rel.spec.entries;
          if (allowed === 'references' || !allowed.includes(type)) {
            throw modelError(
              'MODEL_UNEXPECTED_ENTRY',
              `${parent.rel.owner.where}: relationship ${parent.rel.spec.name} expected ${describeEntries(allowed)}, found element ${type} (${this.at()})`,
            );
          }
        }
        const b = newElementBuilder(descriptor, attrs.Name, disambiguatorOf(attrs, where), where);
        this.stack.push({ tag: 'Element', b });
        return;
      }
      case 'Property': {
        if (parent.tag !== 'Element' && parent.tag !== 'Annotation') throw unexpected();
        checkAttributes(attrs, ['Name', 'Value'], 'Property');
        const owner = parent.b;
        const spec = owner.propertySpecs.find((s) => s.name === attrs.Name);
        if (spec === undefined) {
          throw modelError(
            'MODEL_UNKNOWN_PROPERTY',
            `${owner.where}: property ${String(attrs.Name)} is not known for ${owner.type} (${this.at()})`,
            { type: owner.type, property: attrs.Name },
          );
        }
        this.stack.push({ tag: 'Property', owner, spec, attr: attrs.Value, hasValue: false });
        return;
      }
      case 'Value': {
        if (parent.tag !== 'Property' || parent.hasValue || parent.attr !== undefined) throw unexpected();
        checkAttributes(attrs, ['QuotedIdentifiers', 'AnsiNulls'], 'Value');
        parent.hasValue = true;
        this.stack.push({
          tag: 'Value',
          prop: parent,
          text: '',
          qi: attrs.QuotedIdentifiers,
          an: attrs.AnsiNulls,
        });
        return;
      }
      case 'Relationship': {
        if (parent.tag !== 'Element') throw unexpected();
        checkAttributes(attrs, ['Name'], 'Relationship');
        const owner = parent.b;
        const spec = owner.descriptor?.relationships.find((s) => s.name === attrs.Name);
        if (spec === undefined) {
          throw modelError(
            'MODEL_UNKNOWN_RELATIONSHIP',
            `${owner.where}: relationship ${String(attrs.Name)} is not known for ${owner.type} (${this.at()})`,
            { type: owner.type, relationship: attrs.Name },
          );
        }
        this.stack.push({ tag: 'Relationship', owner, spec, entries: [] });
        return;
      }
      case 'Entry':
        if (parent.tag !== 'Relationship') throw unexpected();
        checkAttributes(attrs, [], 'Entry');
        this.stack.push({ tag: 'Entry', rel: parent, items: [] });
        return;
      case 'References': {
        if (parent.tag !== 'Entry') throw unexpected();
        checkAttributes(attrs, ['ExternalSource', 'Name', 'Disambiguator'], 'References');
        if (parent.rel.spec.entries !== 'references') {
          throw modelError(
            'MODEL_UNEXPECTED_ENTRY',
            `${parent.rel.owner.where}: relationship ${parent.rel.spec.name} expected ${describeEntries(parent.rel.spec.entries)}, found a reference (${this.at()})`,
          );
        }
        const where = parent.rel.owner.where;
        const ext = attrs.ExternalSource;
        if (ext !== undefined && ext !== 'BuiltIns') {
          throw modelError(
            'MODEL_BAD_VALUE',
            `${where}: ExternalSource expected BuiltIns, found ${ext} (${this.at()})`,
          );
        }
        const d = disambiguatorOf(attrs, where);
        const reference: Reference = {
          ...(ext === undefined ? {} : { externalSource: 'BuiltIns' as const }),
          ...(attrs.Name === undefined ? {} : { name: attrs.Name }),
          ...(d === undefined ? {} : { disambiguator: d }),
        };
        parent.items.push(reference);
        this.stack.push({ tag: 'References' });
        return;
      }
      case 'Annotation': {
        if (parent.tag !== 'Element' && parent.tag !== 'Entry') throw unexpected();
        checkAttributes(attrs, ['Type', 'Name', 'Disambiguator'], 'Annotation');
        const type = attrs.Type ?? '';
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
            `${ownerWhere}: annotation ${type} ${attrs.Name ?? ''} is not known here (${this.at()})`.replace(
              '  ',
              ' ',
            ),
            { type, name: attrs.Name },
          );
        }
        if (parent.tag === 'Entry' && parent.rel.spec.entries !== 'references') {
          throw modelError(
            'MODEL_UNEXPECTED_ENTRY',
            `${ownerWhere}: relationship ${parent.rel.spec.name} expected elements, found an unresolved reference (${this.at()})`,
          );
        }
        const where = `${type} in ${ownerWhere}`;
        const b = newAnnotationBuilder(descriptor, attrs.Name, disambiguatorOf(attrs, where), where);
        this.stack.push({ tag: 'Annotation', b, inEntry: parent.tag === 'Entry' });
        return;
      }
      case 'AttachedAnnotation': {
        if (parent.tag !== 'Element') throw unexpected();
        checkAttributes(attrs, ['Disambiguator'], 'AttachedAnnotation');
        const d = disambiguatorOf(attrs, parent.b.where);
        if (d === undefined) {
          throw modelError(
            'MODEL_XML_INVALID',
            `${parent.b.where}: AttachedAnnotation without Disambiguator`,
          );
        }
        parent.b.annotations.push({ type: 'AttachedAnnotation', disambiguator: d });
        this.stack.push({ tag: 'AttachedAnnotation' });
        return;
      }
      default:
        throw modelError(
          'MODEL_XML_INVALID',
          `unknown XML element <${name}> inside <${parent.tag}> (${this.at()})`,
        );
    }
  }

  private close(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    const parent = this.top();
    switch (frame.tag) {
      case 'Element': {
        const el = finishElement(frame.b);
        if (parent?.tag === 'Entry') parent.items.push(el);
        else this.addTopLevel(el);
        return;
      }
      case 'Annotation':
        if (frame.inEntry && parent?.tag === 'Entry') parent.items.push(finishUnresolved(frame.b));
        else if (parent?.tag === 'Element') parent.b.annotations.push(finishAnnotation(frame.b));
        return;
      case 'Property': {
        if (frame.attr !== undefined) {
          setProperty(
            frame.owner,
            frame.spec.name,
            parseAttributeValue(frame.spec, frame.attr, frame.owner.where),
          );
        } else if (!frame.hasValue) {
          throw modelError(
            'MODEL_BAD_VALUE',
            `${frame.owner.where}: property ${frame.spec.name} has no value`,
          );
        }
        return;
      }
      case 'Value': {
        const { owner, spec } = frame.prop;
        if (spec.kind !== 'script') {
          throw modelError(
            'MODEL_BAD_VALUE',
            `${owner.where}: property ${spec.name} expected a Value attribute (${spec.kind}), found a <Value> child`,
          );
        }
        const qi = frame.qi === undefined ? undefined : parseFlag(frame.qi, owner.where);
        const an = frame.an === undefined ? undefined : parseFlag(frame.an, owner.where);
        setProperty(owner, spec.name, {
          text: frame.text,
          ...(qi === undefined ? {} : { quotedIdentifiers: qi }),
          ...(an === undefined ? {} : { ansiNulls: an }),
        });
        return;
      }
      case 'Relationship':
        setRelationship(frame.owner, frame.spec, frame.entries);
        return;
      case 'Entry': {
        if (frame.items.length !== 1) {
          throw modelError(
            'MODEL_UNEXPECTED_ENTRY',
            `${frame.rel.owner.where}: an Entry of ${frame.rel.spec.name} expected one item, found ${frame.items.length}`,
          );
        }
        frame.rel.entries.push(frame.items[0]);
        return;
      }
      default:
        return;
    }
  }

  private addTopLevel(el: ModelElement): void {
    if (el.type === 'SqlDatabaseOptions') {
      if (this.options !== undefined) {
        throw modelError('MODEL_XML_INVALID', 'SqlDatabaseOptions: expected exactly one, found a second');
      }
      this.options = el;
      return;
    }
    // A nested-only kind at the top level is kept as read; the writer writes it back in place.
    this.elements.push(el as TopLevelElement);
  }

  private text(t: string, cdata: boolean): void {
    const frame = this.top();
    if (frame?.tag === 'Value') {
      frame.text += t;
      return;
    }
    if (cdata || /\S/.test(t)) {
      throw modelError(
        'MODEL_XML_INVALID',
        `unexpected text inside <${frame?.tag ?? 'document'}> (${this.at()})`,
      );
    }
  }
}

function checkAttributes(attrs: Record<string, string>, allowed: readonly string[], tag: string): void {
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key)) {
      throw modelError('MODEL_UNKNOWN_ATTRIBUTE', `<${tag}> has unknown attribute ${key}="${attrs[key]}"`);
    }
  }
}

function disambiguatorOf(attrs: Record<string, string>, where: string): number | undefined {
  const d = attrs.Disambiguator;
  if (d === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(d)) {
    throw modelError('MODEL_BAD_VALUE', `${where}: Disambiguator expected a positive integer, found ${d}`);
  }
  return Number(d);
}

function parseFlag(v: string, where: string): boolean {
  if (v === 'True') return true;
  if (v === 'False') return false;
  throw modelError('MODEL_BAD_VALUE', `${where}: script flag expected True or False, found ${v}`);
}

function describeEntries(entries: 'references' | readonly string[]): string {
  return entries === 'references' ? 'references' : `elements of type ${entries.join(' or ')}`;
}
