import { BacpacError } from '../errors';
import type { ObjectCount, OriginInfo } from './origin-types';
import type { XmlElement } from './xml-tree';
import { childElement, parseXmlPart } from './xml-tree';
import { DAC_SERIALIZATION_NAMESPACE } from './xml-text';

/**
 * Reads `Origin.xml` into an {@link OriginInfo}. Tolerates what real exports vary in: BOM, CRLF or LF,
 * absent ExportStatistics and DataPhaseTables. Text is returned as written (line breaks as LF); the
 * checksum keeps its case (the importer ignores case).
 */
function missing(path: string): BacpacError {
  return new BacpacError('ORIGIN_FIELD_MISSING', `Origin.xml: expected element ${path}, found none`);
}

function required(parent: XmlElement, name: string, path: string): XmlElement {
  const child = childElement(parent, name);
  if (!child) throw missing(`${path}/${name}`);
  return child;
}

function text(parent: XmlElement, name: string, path: string): string {
  return required(parent, name, path).text;
}

function unsigned(value: string, path: string): bigint {
  if (!/^\d+$/.test(value)) {
    throw new BacpacError(
      'ORIGIN_FIELD_INVALID',
      `Origin.xml ${path}: expected a non-negative integer, got ${JSON.stringify(value)}`,
    );
  }
  return BigInt(value);
}

function objectCounts(server: XmlElement): ObjectCount[] {
  const counts = required(server, 'ObjectCounts', 'DacOrigin/Server');
  return counts.children.map((child) => {
    const count = unsigned(child.text, `DacOrigin/Server/ObjectCounts/${child.name}`);
    if (count > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new BacpacError(
        'ORIGIN_FIELD_INVALID',
        `Origin.xml ObjectCounts/${child.name}: count ${count} is implausibly large`,
      );
    }
    return { type: child.name, count: Number(count) };
  });
}

/** Parses the bytes of `Origin.xml`. */
export function readOrigin(bytes: Uint8Array): OriginInfo {
  const root = parseXmlPart(bytes, 'Origin.xml');
  if (root.name !== 'DacOrigin' || root.attributes.xmlns !== DAC_SERIALIZATION_NAMESPACE) {
    throw new BacpacError(
      'ORIGIN_FIELD_INVALID',
      `Origin.xml: expected root <DacOrigin xmlns="${DAC_SERIALIZATION_NAMESPACE}">, found <${root.name}>`,
    );
  }
  const properties = required(root, 'PackageProperties', 'DacOrigin');
  const streams = required(properties, 'StreamVersions', 'DacOrigin/PackageProperties');
  const operation = required(root, 'Operation', 'DacOrigin');
  const server = required(root, 'Server', 'DacOrigin');
  const stats = childElement(root, 'ExportStatistics');
  const checksum = required(root, 'Checksums', 'DacOrigin').children.find(
    (child) => child.name === 'Checksum' && child.attributes.Uri === '/model.xml',
  );
  if (!checksum) throw missing('DacOrigin/Checksums/Checksum[@Uri="/model.xml"]');
  const dataPhase = childElement(root, 'DataPhaseTables');
  const op = 'DacOrigin/Operation';
  return {
    packageProperties: {
      version: text(properties, 'Version', 'DacOrigin/PackageProperties'),
      containsExportedData:
        text(properties, 'ContainsExportedData', 'DacOrigin/PackageProperties') === 'true',
      streamVersions: streams.children.map((child) => ({
        streamName: child.attributes.StreamName ?? '',
        version: child.text,
      })),
    },
    operation: {
      identity: text(operation, 'Identity', op),
      start: text(operation, 'Start', op),
      end: text(operation, 'End', op),
      productName: text(operation, 'ProductName', op),
      productVersion: text(operation, 'ProductVersion', op),
      productSchema: text(operation, 'ProductSchema', op),
    },
    server: {
      serverVersion: text(server, 'ServerVersion', 'DacOrigin/Server'),
      objectCounts: objectCounts(server),
    },
    ...(stats && {
      exportStatistics: {
        sourceDatabaseSize: unsigned(
          text(stats, 'SourceDatabaseSize', 'DacOrigin/ExportStatistics'),
          'SourceDatabaseSize',
        ),
        tableRowCountTotal: unsigned(
          text(stats, 'TableRowCountTotalTag', 'DacOrigin/ExportStatistics'),
          'TableRowCountTotalTag',
        ),
      },
    }),
    modelChecksum: checksum.text,
    modelSchemaVersion: text(root, 'ModelSchemaVersion', 'DacOrigin'),
    ...(dataPhase && { dataPhaseTables: dataPhase.text === '' ? [] : dataPhase.text.split(',') }),
  };
}
