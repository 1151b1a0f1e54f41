import { BacpacError } from '../errors';
import { parseXmlPart } from './xml-tree';
import { XML_DECLARATION, withBom } from './xml-text';

/**
 * `[Content_Types].xml`: a UTF-8 BOM and one line with no line break. It holds one `Default` per file
 * extension the package uses, in the order the packaging library first met them, and a space before each
 * `/>`. Every real package with data has the same 340 bytes (xml, BCP, rels); one without data parts
 * lists only xml (175 bytes).
 */
export type PartExtension = 'xml' | 'BCP' | 'rels';

const CONTENT_TYPES_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';

const CONTENT_TYPE_OF: Readonly<Record<PartExtension, string>> = {
  xml: 'text/xml',
  BCP: 'application/octet-stream',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

/** The extensions a package uses, in the order DacFx lists them. */
export function packageExtensions(hasDataParts: boolean): readonly PartExtension[] {
  return hasDataParts ? ['xml', 'BCP', 'rels'] : ['xml'];
}

/** The bytes of `[Content_Types].xml` for the given extensions, in the order given. */
export function writeContentTypes(extensions: readonly PartExtension[]): Buffer {
  if (extensions.length === 0 || new Set(extensions).size !== extensions.length) {
    throw new BacpacError(
      'CONTENT_TYPES_INVALID',
      `[Content_Types].xml: expected distinct extensions, at least one; got [${extensions.join(', ')}]`,
    );
  }
  const defaults = extensions.map((extension) => {
    const contentType = CONTENT_TYPE_OF[extension];
    if (contentType === undefined) {
      throw new BacpacError(
        'CONTENT_TYPES_INVALID',
        `[Content_Types].xml: no content type known for extension ${extension}`,
      );
    }
    return `<Default Extension="${extension}" ContentType="${contentType}" />`;
  });
  return withBom(`${XML_DECLARATION}<Types xmlns="${CONTENT_TYPES_NAMESPACE}">${defaults.join('')}</Types>`);
}

/** One `Default` or `Override` entry of `[Content_Types].xml`. */
export interface ContentTypeEntry {
  readonly kind: 'Default' | 'Override';
  /** The extension of a `Default`, or the part URI of an `Override`. */
  readonly key: string;
  readonly contentType: string;
}

/** Reads `[Content_Types].xml` (BOM and line breaks optional) into its entries, in document order. */
export function readContentTypes(bytes: Uint8Array): ContentTypeEntry[] {
  const root = parseXmlPart(bytes, '[Content_Types].xml');
  if (root.name !== 'Types' || root.attributes.xmlns !== CONTENT_TYPES_NAMESPACE) {
    throw new BacpacError(
      'CONTENT_TYPES_INVALID',
      `[Content_Types].xml: expected root <Types xmlns="${CONTENT_TYPES_NAMESPACE}">, found <${root.name}>`,
    );
  }
  return root.children.map((child) => {
    const key = child.name === 'Default' ? child.attributes.Extension : child.attributes.PartName;
    const contentType = child.attributes.ContentType;
    if (
      (child.name !== 'Default' && child.name !== 'Override') ||
      key === undefined ||
      contentType === undefined
    ) {
      throw new BacpacError('CONTENT_TYPES_INVALID', `[Content_Types].xml: unexpected entry <${child.name}>`);
    }
    return { kind: child.name, key, contentType };
  });
}
