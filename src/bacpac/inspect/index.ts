/** Describing a BACPAC: provider, versions, tables with their data parts and row counts, object counts. */
export { inspectBacpac } from './inspect-bacpac';
export { guessZipFamily, type ZipFamily } from './zip-family';
export type { InspectOptions, InspectPart, InspectReport, InspectTable } from './types';
