import path from 'node:path';
import { createBacpacFileSource } from '../../source/bacpac-file';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { DEFAULT_EXPORT_OPTIONS, writeExportResult, runLocalExport } from '../local-export';

export const repackCommand: CliCommand = {
  name: 'repack',
  summary: "read a BACPAC as an export source and write it again through the export pipeline's writer",
  usage: 'repack IN OUT [--overwrite] [--compression normal|fast|none] [--json]',
  help: [
    '--overwrite    replace OUT if it exists',
    '--compression  deflate level of the data parts (default normal)',
    '--json         print the result as one JSON document',
    'OUT is written under a temporary name and moved into place when complete.',
  ],
  options: {
    overwrite: { type: 'boolean' },
    compression: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [input, out, ...extra] = args.positionals;
    if (input === undefined || out === undefined) throw new UsageError('expected IN and OUT');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
    const compression = args.values.compression ?? 'normal';
    if (compression !== 'normal' && compression !== 'fast' && compression !== 'none') {
      throw new UsageError(
        `repack: --compression must be normal, fast or none, found ${String(compression)}`,
      );
    }
    const result = await runLocalExport(
      {
        output: { kind: 'file', path: path.resolve(out) },
        sourceSpec: {
          server: 'bacpac-file',
          database: path.basename(input),
          authentication: 'managed-identity',
        },
        openSource: () => createBacpacFileSource(path.resolve(input)),
        options: { ...DEFAULT_EXPORT_OPTIONS, compression, overwrite: args.values.overwrite === true },
        quiet: args.values.json === true,
      },
      io,
    );
    writeExportResult(result, args.values.json === true, io);
    return 0;
  },
};
