import type { BacpacError } from '../../errors';
import { modelError } from '../model-error';
import { openAnnotation, openAttachedAnnotation } from './annotation';
import { checkAttributes } from './attributes';
import { openElement } from './element';
import type { Attributes, Frame, Position } from './frames';
import { openProperty } from './property';
import { openEntry, openReferences, openRelationship } from './relationship';
import { openValue } from './value';
import { openRaw } from './raw';
import { kindsByType } from '../registry';
import type { RawXml } from '../values';

/** The error for a known XML element in a place model.xml does not allow it. */
export function unexpectedTag(name: string, parentTag: string, at: Position): BacpacError {
  return modelError('MODEL_XML_INVALID', `<${name}> is not expected inside <${parentTag}> (${at()})`);
}

/**
 * Opens an XML element below the DataSchemaModel root: checks that it may appear inside `parent`
 * and returns the frame to push for it.
 */
export function openTag(
  name: string,
  attrs: Attributes,
  parent: Frame,
  at: Position,
  keepTopLevel: (raw: RawXml) => void,
): Frame {
  const unexpected = () => unexpectedTag(name, parent.tag, at);
  if (parent.tag === 'Raw') return openRaw(name, attrs, (raw) => parent.children.push(raw));
  switch (name) {
    case 'Model':
      if (parent.tag !== 'DataSchemaModel') throw unexpected();
      checkAttributes(attrs, [], 'Model');
      return { tag: 'Model' };
    case 'Element':
      if (parent.tag !== 'Model' && parent.tag !== 'Entry') throw unexpected();
      if (parent.tag === 'Model' && !kindsByType.has(attrs.Type ?? '')) {
        return openRaw(name, attrs, keepTopLevel);
      }
      return openElement(attrs, parent.tag === 'Entry' ? parent : undefined, at);
    case 'Property':
      if (parent.tag !== 'Element' && parent.tag !== 'Annotation') throw unexpected();
      return openProperty(attrs, parent, at);
    case 'Value':
      if (parent.tag !== 'Property' || parent.hasValue || parent.attr !== undefined) throw unexpected();
      return openValue(attrs, parent);
    case 'Relationship':
      if (parent.tag !== 'Element') throw unexpected();
      return openRelationship(attrs, parent, at);
    case 'Entry':
      if (parent.tag !== 'Relationship') throw unexpected();
      return openEntry(attrs, parent);
    case 'References':
      if (parent.tag !== 'Entry') throw unexpected();
      return openReferences(attrs, parent, at);
    case 'Annotation':
      if (parent.tag !== 'Element' && parent.tag !== 'Entry') throw unexpected();
      return openAnnotation(attrs, parent, at);
    case 'AttachedAnnotation':
      if (parent.tag !== 'Element') throw unexpected();
      return openAttachedAnnotation(attrs, parent);
    default:
      throw modelError('MODEL_XML_INVALID', `unknown XML element <${name}> inside <${parent.tag}> (${at()})`);
  }
}
