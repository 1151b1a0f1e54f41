import { SaxesParser } from 'saxes';
import { modelError } from '../model-error';
import type { RawXml } from '../values';
import type { RawFrame } from './frames';
import { appendRawText, closeRaw, openRaw } from './raw';

/**
 * Parses a well-formed XML fragment with one root element into RawXml (used to turn entries already
 * read into their typed form back into XML kept as read, by way of the writer's own text).
 */
export function rawFromText(text: string): RawXml {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const stack: RawFrame[] = [];
  let root: RawXml | undefined;
  let failure: Error | undefined;
  const at = () => `line ${parser.line}`;
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    stack.push(
      openRaw(tag.name, tag.attributes, (raw) => {
        if (parent === undefined) root = raw;
        else parent.children.push(raw);
      }),
    );
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (frame !== undefined) closeRaw(frame, at);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) appendRawText(top, t, false);
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) appendRawText(top, t, true);
  });
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.write(text).close();
  if (failure !== undefined || root === undefined) {
    throw modelError(
      'MODEL_XML_INVALID',
      `an entry could not be kept as read: ${failure?.message ?? 'empty'}`,
    );
  }
  return root;
}
