import type { Compression } from '../api/export-request';
import type { ZipMethod } from '../bacpac/zip';

/** ZIP method and deflate level for each compression option (Node's level 6 is zlib's default). */
export function compressionSettings(compression: Compression): { method: ZipMethod; level?: number } {
  switch (compression) {
    case 'none':
      return { method: 'store' };
    case 'fast':
      return { method: 'deflate', level: 1 };
    case 'normal':
      return { method: 'deflate', level: 6 };
  }
}
