import { SaxesParser } from 'saxes';
import { BacpacError } from '../errors';

/**
 * A small element tree for the package's metadata parts, which are a few kilobytes at most (model.xml and
 * the data parts are never read this way). Names are the qualified names as written; the parts use one
 * default namespace, so they carry no prefixes. `text` joins the element's own character data; line
 * breaks in it are already normalised to LF by the XML parser, as XML 1.0 requires.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

interface MutableElement {
  name: string;
  attributes: Record<string, string>;
  children: MutableElement[];
  text: string;
}

/** Parses a whole part (BOM optional) into its root element; `partName` names the part in errors. */
export function parseXmlPart(bytes: Uint8Array, partName: string): XmlElement {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new SaxesParser({ fileName: partName, xmlns: false });
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => {
    const element: MutableElement = {
      name: tag.name,
      attributes: { ...tag.attributes },
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (data) => {
    const current = stack[stack.length - 1];
    if (current) current.text += data;
  });
  parser.on('cdata', (data) => {
    const current = stack[stack.length - 1];
    if (current) current.text += data;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure || !root) {
    throw new BacpacError(
      'PACKAGE_XML_MALFORMED',
      `${partName}: not well-formed XML (${failure?.message ?? 'no root element'})`,
      {
        partName,
      },
    );
  }
  return root;
}

/** The first child element with the given name, or undefined. */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.name === name);
}
