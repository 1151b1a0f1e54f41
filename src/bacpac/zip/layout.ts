import type { ZipEntryMeta } from './entry-meta';
import { ZipLayoutBuilder } from './layout-builder';
import type { ZipLayout, ZipLayoutOptions } from './layout-types';

export { ZipLayoutBuilder } from './layout-builder';
export type { ZipEntryLayout, ZipLayout, ZipLayoutOptions, ZipTrailerLayout } from './layout-types';

/** Computes every header and the central directory of an archive from its entries' metadata alone. */
export function layoutZip(entries: readonly ZipEntryMeta[], options?: ZipLayoutOptions): ZipLayout {
  const builder = new ZipLayoutBuilder(options);
  const laidOut = entries.map((entry) => builder.add(entry));
  return { entries: laidOut, ...builder.finish() };
}
