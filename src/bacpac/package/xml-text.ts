import { BacpacError } from '../errors';

/**
 * Text rules shared by the small XML parts of a package (`DacMetadata.xml`, `Origin.xml`, `_rels/.rels`,
 * `[Content_Types].xml`). DacFx writes them with .NET's XmlWriter: UTF-8 with a BOM, and this escaping:
 * - element text: `&`, `<`, `>` become entities; every line break inside the text (CRLF, CR or LF) is
 *   written as the document's own line ending; tabs and quotes stay raw;
 * - attribute values: `&`, `<`, `>`, `"` become entities, and tab, LF, CR become `&#x9;`, `&#xA;`, `&#xD;`
 *   so that they survive attribute-value normalisation.
 * Characters that XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF) are
 * refused, as XmlWriter refuses them.
 */
export type LineEnding = '\r\n' | '\n';

/** The UTF-8 byte order mark every package XML part starts with. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The XML declaration DacFx writes at the top of every package XML part. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** The namespace of `DacMetadata.xml` and `Origin.xml`. */
export const DAC_SERIALIZATION_NAMESPACE = 'http://schemas.microsoft.com/sqlserver/dac/Serialization/2012/02';

const INVALID_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function assertXmlChars(value: string, what: string): void {
  const match = INVALID_XML_CHAR.exec(value);
  if (match) {
    const code = match[0].codePointAt(0) ?? 0;
    throw new BacpacError(
      'XML_INVALID_CHARACTER',
      `${what}: character U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${match.index} cannot be written to XML`,
      { what, index: match.index },
    );
  }
}

/** Escapes element text; `what` names the value in the error when it holds a character XML cannot carry. */
export function escapeXmlText(value: string, lineEnding: LineEnding, what: string): string {
  assertXmlChars(value, what);
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, lineEnding);
}

/** Escapes an attribute value written between double quotes. */
export function escapeXmlAttribute(value: string, what: string): string {
  assertXmlChars(value, what);
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** The line ending an indented part uses: CRLF if its first line break is CRLF, otherwise LF. */
export function detectLineEnding(bytes: Uint8Array): LineEnding {
  const lf = bytes.indexOf(0x0a);
  return lf > 0 && bytes[lf - 1] === 0x0d ? '\r\n' : '\n';
}

/** Prefixes the UTF-8 BOM to a part's text. */
export function withBom(text: string): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}
