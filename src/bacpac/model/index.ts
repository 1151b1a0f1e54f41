/** The typed model of model.xml, its streaming reader and DacFx-exact writer, and helpers built on it. */
export type * from './types';
export { targetPlatforms } from './types';
export { builtIn, ref } from './values';
export { readModelXml } from './reader';
export { writeModelXml, modelXmlBytes } from './writer';
export type { WriteModelOptions } from './writer';
export { parseName, formatName } from './names';
export { compareNames, compareNameParts, compareNamePart } from './name-order';
export { sortTopLevel } from './element-order';
export { countObjects } from './object-counts';
export { bcpColumnsOf, tablesOf } from './bcp-columns';
export type { TableRef } from './bcp-columns';
export { walkElements } from './walk';
export { dspNameOf, platformOfDspName, MODEL_NAMESPACE } from './header';
export { kindsByType, annotationsByType } from './registry';
export type {
  KindDescriptor,
  AnnotationDescriptor,
  PropertySpec,
  RelationshipSpec,
  ValueKind,
} from './descriptor';
export type { ModelErrorCode } from './model-error';
export { compareModelXml } from './canonical-compare';
export type { ModelComparison } from './canonical-compare';
export { rawAttribute } from './raw-xml-writer';
