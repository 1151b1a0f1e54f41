/**
 * Text escaping as DacFx's XmlWriter does it: in attribute values `&`, `<` and `"` become entities
 * and CR, LF and TAB become character references (`>` is left alone). Script text goes into CDATA
 * with its line breaks written as the file's line ending; a `]]>` inside it is split across two
 * CDATA sections (DacFx's own split was never observed).
 */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\r': '&#xD;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};

export function cdata(text: string, lineEnding: string): string {
  const lines = text.replace(/\r\n?|\n/g, lineEnding);
  return `<![CDATA[${lines.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Element text as XmlWriter writes it: `&`, `<` and `>` as entities, CR as a character reference. */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#xD;',
};
