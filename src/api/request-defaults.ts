import type { Compression } from './export-request';

/** Server-side defaults and the app storage account that `accountUrl: "default"` means. */
export interface RequestDefaults {
  readonly appAccountUrl: string;
  readonly maxParallelism: number;
  readonly splitRowThreshold: number;
  readonly compression: Compression;
}
