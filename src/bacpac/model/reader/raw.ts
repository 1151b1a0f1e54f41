import { modelError } from '../model-error';
import type { RawXml } from '../values';
import type { Attributes, Position, RawFrame } from './frames';

/**
 * Opens an XML element kept as read (see RawXml): `keep` receives it once it is closed. Every
 * element inside it is kept the same way, as its child.
 */
export function openRaw(tag: string, attrs: Attributes, keep: (raw: RawXml) => void): RawFrame {
  return {
    tag: 'Raw',
    name: tag,
    attributes: Object.entries(attrs),
    children: [],
    text: '',
    cdata: false,
    keep,
  };
}

/** Text inside a kept element: collected; whitespace between child elements is dropped at close. */
export function appendRawText(frame: RawFrame, text: string, cdata: boolean): void {
  frame.text += text;
  if (cdata) frame.cdata = true;
}

/** Closes a kept element: a leaf keeps its text; an element with children may hold only whitespace. */
export function closeRaw(frame: RawFrame, at: Position): void {
  const hasText = frame.cdata || /\S/.test(frame.text);
  if (hasText && frame.children.length > 0) {
    throw modelError('MODEL_XML_INVALID', `<${frame.name}> mixes text and elements (${at()})`);
  }
  frame.keep({
    tag: frame.name,
    attributes: frame.attributes,
    children: frame.children,
    ...(hasText || (frame.children.length === 0 && frame.text !== '')
      ? { text: { value: frame.text, cdata: frame.cdata } }
      : {}),
  });
}
