import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { SqlDatabaseOptions } from '../kinds/database-options';
import { parseHeader } from '../header';
import { modelError } from '../model-error';
import type { DatabaseModel, ModelElement, ModelHeader, TopLevelElement } from '../types';
import type { RawXml } from '../values';
import { closeTag } from './close-tag';
import type { AnnotationFrame, EntryFrame, Frame, RelationshipFrame } from './frames';
import { kindsByType } from '../registry';
import { writeEntry, writeProperties } from '../writer';
import { openRaw } from './raw';
import { rawFromText } from './raw-from-text';
import { openTag, unexpectedTag } from './open-tag';
import { appendText } from './value';

/**
 * The push side of the model.xml reader: UTF-8 bytes in (an optional BOM is dropped), SAX events
 * onto a stack of frames, the typed model out at the end. The first error raised while handling
 * an event is kept and thrown from the next write or end.
 */
export class ModelReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly decoder = new StringDecoder('utf8');
  private readonly stack: Frame[] = [];
  private readonly at = () => `line ${this.parser.line}`;
  private first = true;
  private header: ModelHeader | undefined;
  private options: SqlDatabaseOptions | undefined;
  private readonly elements: TopLevelElement[] = [];
  private readonly unmodelledElements: RawXml[] = [];
  private failure: unknown;

  constructor() {
    this.parser.on('opentag', (tag) => this.guard(() => this.open(tag)));
    this.parser.on('closetag', () => this.guard(() => this.close()));
    this.parser.on('text', (t) => this.guard(() => appendText(this.top(), t, false, this.at)));
    this.parser.on('cdata', (t) => this.guard(() => appendText(this.top(), t, true, this.at)));
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
    return {
      header: this.header,
      databaseOptions: this.options,
      elements: this.elements,
      ...(this.unmodelledElements.length > 0 ? { unmodelledElements: this.unmodelledElements } : {}),
    };
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

  private top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private open(tag: SaxesTagPlain): void {
    const parent = this.top();
    if (parent === undefined) {
      if (tag.name !== 'DataSchemaModel') throw unexpectedTag(tag.name, 'document', this.at);
      this.header = parseHeader(tag.attributes);
      this.stack.push({ tag: 'DataSchemaModel' });
      return;
    }
    if (tag.name === 'Element' && parent.tag === 'Entry' && !kindsByType.has(tag.attributes.Type ?? '')) {
      this.keepRelationshipAsRead();
    }
    if (
      tag.name === 'Property' &&
      parent.tag === 'Annotation' &&
      !parent.inEntry &&
      !parent.b.propertySpecs.some((s) => s.name === tag.attributes.Name)
    ) {
      this.keepAnnotationAsRead();
    }
    this.stack.push(
      openTag(tag.name, tag.attributes, this.stack[this.stack.length - 1]!, this.at, (raw) =>
        this.unmodelledElements.push(raw),
      ),
    );
  }

  private close(): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    closeTag(frame, this.top(), (el) => this.addTopLevel(el), this.at);
  }

  /**
   * An element of an unknown type inside an Entry of a known relationship: the whole relationship is
   * kept as read instead (with the entries already read turned back into XML), so nothing is lost
   * and the owner stays typed. Its Entry and Relationship frames are replaced by kept-as-read ones.
   */
  private keepRelationshipAsRead(): void {
    const entry = this.stack.pop() as EntryFrame;
    const rel = this.stack.pop() as RelationshipFrame;
    const owner = rel.owner;
    const relationship = openRaw('Relationship', { Name: rel.spec.name }, (raw) =>
      owner.unmodelled.relationships.push(raw),
    );
    for (const item of rel.entries) relationship.children.push(entryAsRead(rel, item));
    this.stack.push(relationship);
    const current = openRaw('Entry', {}, (raw) => relationship.children.push(raw));
    for (const item of entry.items) current.children.push(...entryAsRead(rel, item).children);
    this.stack.push(current);
  }

  /**
   * A property an element's annotation is not known to have: the whole annotation is kept as read
   * on its element instead (with the properties already read turned back into XML).
   */
  private keepAnnotationAsRead(): void {
    const annotation = this.stack.pop() as AnnotationFrame;
    const owner = this.stack[this.stack.length - 1];
    if (owner?.tag !== 'Element')
      throw modelError('MODEL_XML_INVALID', `an annotation outside an element (${this.at()})`);
    const b = annotation.b;
    const attributes: Record<string, string> = { Type: b.type };
    if (b.name !== undefined) attributes.Name = b.name;
    if (b.disambiguator !== undefined) attributes.Disambiguator = String(b.disambiguator);
    const kept = openRaw('Annotation', attributes, (raw) => owner.b.unmodelled.annotations.push(raw));
    const written = asRead('Annotation', (lines) =>
      writeProperties(b.propertySpecs, b.properties, 1, lines, '\n', b.where),
    );
    kept.children.push(...written.children);
    this.stack.push(kept);
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
}

/** An entry already read into its typed form, back as XML. */
function entryAsRead(rel: RelationshipFrame, item: unknown): RawXml {
  return asRead('Entry', (lines) => writeEntry(rel.spec, item, 1, lines, '\n', rel.owner.where));
}

/** What `write` writes (the writer's own text for parts already typed) inside `<tag>`, parsed back. */
function asRead(tag: string, write: (lines: string[]) => void): RawXml {
  const lines = [`<${tag}>`];
  write(lines);
  lines.push(`</${tag}>`);
  return rawFromText(lines.join('\n'));
}
