import type { ModelElement } from '../types';
import { closeAnnotation } from './annotation';
import { closeElement } from './element';
import type { Frame, Position } from './frames';
import { closeRaw } from './raw';
import { closeProperty } from './property';
import { closeEntry, closeRelationship } from './relationship';
import { closeValue } from './value';

/**
 * Closes the XML element of `frame` (already popped; `parent` is the new top of the stack): what it
 * collected is assembled and handed to its parent, or to `addTopLevel` for a top-level element.
 */
export function closeTag(
  frame: Frame,
  parent: Frame | undefined,
  addTopLevel: (el: ModelElement) => void,
  at: Position,
): void {
  switch (frame.tag) {
    case 'Element':
      closeElement(frame, parent, addTopLevel);
      return;
    case 'Annotation':
      closeAnnotation(frame, parent);
      return;
    case 'Property':
      closeProperty(frame);
      return;
    case 'Value':
      closeValue(frame);
      return;
    case 'Relationship':
      closeRelationship(frame);
      return;
    case 'Entry':
      closeEntry(frame);
      return;
    case 'Raw':
      closeRaw(frame, at);
      return;
    default:
      return;
  }
}
