import { setRelationship } from '../element-builder';
import { modelError } from '../model-error';
import type { Reference } from '../values';
import { checkAttributes, describeEntries, disambiguatorOf } from './attributes';
import type {
  Attributes,
  ElementFrame,
  EntryFrame,
  Frame,
  Position,
  RawFrame,
  RelationshipFrame,
} from './frames';
import { openRaw } from './raw';

/** Opens a <Relationship> of an element; its Name must be a relationship of the element's kind. */
export function openRelationship(
  attrs: Attributes,
  parent: ElementFrame,
  at: Position,
): RelationshipFrame | RawFrame {
  checkAttributes(attrs, ['Name'], 'Relationship');
  const owner = parent.b;
  const spec = owner.descriptor?.relationships.find((s) => s.name === attrs.Name);
  // A relationship the kind does not list is kept as read, whatever its entries hold.
  if (spec === undefined && owner.descriptor !== undefined) {
    return openRaw('Relationship', attrs, (raw) => owner.unmodelled.relationships.push(raw));
  }
  if (spec === undefined) {
    throw modelError(
      'MODEL_UNKNOWN_RELATIONSHIP',
      `${owner.where}: relationship ${String(attrs.Name)} is not known for ${owner.type} (${at()})`,
      { type: owner.type, relationship: attrs.Name },
    );
  }
  return { tag: 'Relationship', owner, spec, entries: [] };
}

/** Opens an <Entry> of a relationship; it collects exactly one item. */
export function openEntry(attrs: Attributes, rel: RelationshipFrame): EntryFrame {
  checkAttributes(attrs, [], 'Entry');
  return { tag: 'Entry', rel, items: [] };
}

/**
 * Opens <References> inside an Entry of a relationship that holds references: the reference (by
 * name, optionally to BuiltIns) is added to the Entry at once.
 */
export function openReferences(attrs: Attributes, entry: EntryFrame, at: Position): Frame {
  checkAttributes(attrs, ['ExternalSource', 'Name', 'Disambiguator'], 'References');
  if (entry.rel.spec.entries !== 'references') {
    throw modelError(
      'MODEL_UNEXPECTED_ENTRY',
      `${entry.rel.owner.where}: relationship ${entry.rel.spec.name} expected ${describeEntries(entry.rel.spec.entries)}, found a reference (${at()})`,
    );
  }
  const where = entry.rel.owner.where;
  const ext = attrs.ExternalSource;
  if (ext !== undefined && ext !== 'BuiltIns') {
    throw modelError('MODEL_BAD_VALUE', `${where}: ExternalSource expected BuiltIns, found ${ext} (${at()})`);
  }
  const d = disambiguatorOf(attrs, where);
  const reference: Reference = {
    ...(ext === undefined ? {} : { externalSource: 'BuiltIns' as const }),
    ...(attrs.Name === undefined ? {} : { name: attrs.Name }),
    ...(d === undefined ? {} : { disambiguator: d }),
  };
  entry.items.push(reference);
  return { tag: 'References' };
}

/** Closes an <Entry>: its single item becomes one entry of the relationship. */
export function closeEntry(frame: EntryFrame): void {
  if (frame.items.length !== 1) {
    throw modelError(
      'MODEL_UNEXPECTED_ENTRY',
      `${frame.rel.owner.where}: an Entry of ${frame.rel.spec.name} expected one item, found ${frame.items.length}`,
    );
  }
  frame.rel.entries.push(frame.items[0]);
}

/** Closes a <Relationship>: stores its entries on the owning element. */
export function closeRelationship(frame: RelationshipFrame): void {
  setRelationship(frame.owner, frame.spec, frame.entries);
}
