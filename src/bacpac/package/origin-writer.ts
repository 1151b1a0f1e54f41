import { BacpacError } from '../errors';
import { ORIGIN_START_PATTERN } from './origin-start-time';
import type { OriginInfo } from './origin-types';
import type { LineEnding } from './xml-text';
import {
  DAC_SERIALIZATION_NAMESPACE,
  XML_DECLARATION,
  escapeXmlAttribute,
  escapeXmlText,
  withBom,
} from './xml-text';

/**
 * Writes `Origin.xml` as DacFx does: UTF-8 with a BOM, two-space indent, the given line ending (also
 * inside the @@VERSION text), no trailing newline. Object counts are written in ordinal name order and
 * zero counts are left out; optional sections are written only when present. An element with empty text
 * is written self-closed, as XmlWriter does.
 */
const GUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHECKSUM_UPPER = /^[0-9A-F]{64}$/;
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function invalid(field: string, expected: string, found: string): BacpacError {
  return new BacpacError(
    'ORIGIN_FIELD_INVALID',
    `Origin.xml ${field}: expected ${expected}, got ${JSON.stringify(found)}`,
  );
}

function validate(info: OriginInfo): void {
  if (!GUID_LOWER.test(info.operation.identity)) {
    throw invalid('Operation/Identity', 'a lowercase GUID with hyphens', info.operation.identity);
  }
  if (!ORIGIN_START_PATTERN.test(info.operation.start)) {
    throw invalid('Operation/Start', 'yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm', info.operation.start);
  }
  if (!CHECKSUM_UPPER.test(info.modelChecksum)) {
    throw invalid('Checksums/Checksum', '64 uppercase hex digits', info.modelChecksum);
  }
  const types = new Set<string>();
  for (const { type, count } of info.server.objectCounts) {
    if (types.has(type)) throw invalid('Server/ObjectCounts', 'each type once', type);
    types.add(type);
    if (!ELEMENT_NAME.test(type)) throw invalid('Server/ObjectCounts', 'an element type name', type);
    if (!Number.isSafeInteger(count) || count < 0)
      throw invalid(`Server/ObjectCounts/${type}`, 'a count >= 0', String(count));
  }
  const stats = info.exportStatistics;
  if (stats && (stats.sourceDatabaseSize < 0n || stats.tableRowCountTotal < 0n)) {
    throw invalid(
      'ExportStatistics',
      'non-negative values',
      `${stats.sourceDatabaseSize}/${stats.tableRowCountTotal}`,
    );
  }
}

/** The bytes of `Origin.xml`. */
export function writeOrigin(info: OriginInfo, lineEnding: LineEnding = '\r\n'): Buffer {
  validate(info);
  const lines: string[] = [XML_DECLARATION, `<DacOrigin xmlns="${DAC_SERIALIZATION_NAMESPACE}">`];
  const element = (depth: number, name: string, value: string, attributes = ''): void => {
    const indent = '  '.repeat(depth);
    const text = escapeXmlText(value, lineEnding, `Origin.xml ${name}`);
    lines.push(
      text === '' ? `${indent}<${name}${attributes} />` : `${indent}<${name}${attributes}>${text}</${name}>`,
    );
  };
  const open = (depth: number, name: string): void => void lines.push(`${'  '.repeat(depth)}<${name}>`);
  const close = (depth: number, name: string): void => void lines.push(`${'  '.repeat(depth)}</${name}>`);

  const properties = info.packageProperties;
  open(1, 'PackageProperties');
  element(2, 'Version', properties.version);
  element(2, 'ContainsExportedData', properties.containsExportedData ? 'true' : 'false');
  open(2, 'StreamVersions');
  for (const stream of properties.streamVersions) {
    const name = escapeXmlAttribute(stream.streamName, 'Origin.xml StreamName');
    element(3, 'Version', stream.version, ` StreamName="${name}"`);
  }
  close(2, 'StreamVersions');
  close(1, 'PackageProperties');

  const operation = info.operation;
  open(1, 'Operation');
  element(2, 'Identity', operation.identity);
  element(2, 'Start', operation.start);
  element(2, 'End', operation.end);
  element(2, 'ProductName', operation.productName);
  element(2, 'ProductVersion', operation.productVersion);
  element(2, 'ProductSchema', operation.productSchema);
  close(1, 'Operation');

  open(1, 'Server');
  element(2, 'ServerVersion', info.server.serverVersion);
  open(2, 'ObjectCounts');
  const counts = info.server.objectCounts.filter((entry) => entry.count > 0);
  counts.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  for (const { type, count } of counts) element(3, type, String(count));
  close(2, 'ObjectCounts');
  close(1, 'Server');

  if (info.exportStatistics) {
    open(1, 'ExportStatistics');
    element(2, 'SourceDatabaseSize', info.exportStatistics.sourceDatabaseSize.toString());
    element(2, 'TableRowCountTotalTag', info.exportStatistics.tableRowCountTotal.toString());
    close(1, 'ExportStatistics');
  }

  open(1, 'Checksums');
  element(2, 'Checksum', info.modelChecksum, ' Uri="/model.xml"');
  close(1, 'Checksums');
  element(1, 'ModelSchemaVersion', info.modelSchemaVersion);
  if (info.dataPhaseTables) element(1, 'DataPhaseTables', info.dataPhaseTables.join(','));
  lines.push('</DacOrigin>');
  return withBom(lines.join(lineEnding));
}
