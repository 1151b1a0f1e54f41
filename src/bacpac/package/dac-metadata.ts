import { BacpacError } from '../errors';
import { childElement, parseXmlPart } from './xml-tree';
import type { LineEnding } from './xml-text';
import { DAC_SERIALIZATION_NAMESPACE, XML_DECLARATION, escapeXmlText, withBom } from './xml-text';

/**
 * `DacMetadata.xml`: UTF-8 with a BOM, two-space indent, CRLF (LF from macOS/Linux exports), no trailing
 * newline. `Name` is the source database name; `Version` was `0.0.0.0` in every real file.
 */
export interface DacMetadata {
  readonly name: string;
  readonly version: string;
}

export const DAC_METADATA_DEFAULT_VERSION = '0.0.0.0';

/** The bytes of `DacMetadata.xml`. */
export function writeDacMetadata(
  metadata: { readonly name: string; readonly version?: string },
  lineEnding: LineEnding = '\r\n',
): Buffer {
  const name = escapeXmlText(metadata.name, lineEnding, 'DacMetadata.xml Name');
  const version = escapeXmlText(
    metadata.version ?? DAC_METADATA_DEFAULT_VERSION,
    lineEnding,
    'DacMetadata.xml Version',
  );
  const lines = [
    XML_DECLARATION,
    `<DacType xmlns="${DAC_SERIALIZATION_NAMESPACE}">`,
    `  <Name>${name}</Name>`,
    `  <Version>${version}</Version>`,
    '</DacType>',
  ];
  return withBom(lines.join(lineEnding));
}

/** Reads `DacMetadata.xml` (BOM, CRLF or LF). */
export function readDacMetadata(bytes: Uint8Array): DacMetadata {
  const root = parseXmlPart(bytes, 'DacMetadata.xml');
  if (root.name !== 'DacType' || root.attributes.xmlns !== DAC_SERIALIZATION_NAMESPACE) {
    throw new BacpacError(
      'DAC_METADATA_INVALID',
      `DacMetadata.xml: expected root <DacType xmlns="${DAC_SERIALIZATION_NAMESPACE}">, found <${root.name}>`,
    );
  }
  const name = childElement(root, 'Name');
  if (!name)
    throw new BacpacError('DAC_METADATA_INVALID', 'DacMetadata.xml: expected a <Name> element, found none');
  return { name: name.text, version: childElement(root, 'Version')?.text ?? DAC_METADATA_DEFAULT_VERSION };
}
