/** The OPC package parts of a BACPAC other than model.xml and the table data. */
export {
  detectLineEnding,
  escapeXmlAttribute,
  escapeXmlText,
  DAC_SERIALIZATION_NAMESPACE,
  UTF8_BOM,
} from './xml-text';
export type { LineEnding } from './xml-text';
export { escapePartNameSegment, unescapePartNameSegment } from './part-name-escaping';
export { dataPartName, parseDataPartName, partUri, resolveDataFolder } from './part-names';
export type { ParsedDataPartName } from './part-names';
export { packageExtensions, readContentTypes, writeContentTypes } from './content-types';
export type { ContentTypeEntry, PartExtension } from './content-types';
export { RELATIONSHIPS_NAMESPACE, randomRelationshipId, readRels, writeRels } from './rels';
export type { DataPartReference, Relationship, RelationshipIdGenerator, RelsContent } from './rels';
export { DAC_METADATA_DEFAULT_VERSION, readDacMetadata, writeDacMetadata } from './dac-metadata';
export type { DacMetadata } from './dac-metadata';
export { ORIGIN_END, ORIGIN_PACKAGE_PROPERTIES } from './origin-types';
export type {
  ObjectCount,
  OriginExportStatistics,
  OriginInfo,
  OriginOperation,
  OriginPackageProperties,
  OriginServer,
} from './origin-types';
export { ORIGIN_PRODUCT } from './origin-product';
export { ORIGIN_START_PATTERN, formatOriginStart } from './origin-start-time';
export { writeOrigin } from './origin-writer';
export { readOrigin } from './origin-reader';
export { Sha256Tap, createSha256Tap, sha256Upper } from './model-checksum';
export { buildOriginInfo } from './origin-stats';
export type { OriginStatsInput } from './origin-stats';
