import { inspectBacpac } from '../../bacpac/inspect';
import { singleFile, type CliCommand } from '../command';
import { formatInspect } from '../format/inspect-text';
import { toJson } from '../format/json';
import { openLocalFile } from '../open-local-file';

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'describe a BACPAC: provider, versions, tables with their data parts and row counts',
  usage: 'inspect FILE [--json] [--no-rows]',
  help: [
    '--json     print one JSON document instead of text',
    '--no-rows  read the metadata only; do not decode the data parts to count rows',
  ],
  options: { json: { type: 'boolean' }, 'no-rows': { type: 'boolean' } },
  async run(args, io) {
    const file = singleFile(args, 'inspect');
    const source = await openLocalFile(file);
    try {
      const report = await inspectBacpac(source, { countRows: args.values['no-rows'] !== true });
      io.stdout.write(args.values.json === true ? toJson({ file, ...report }) : formatInspect(file, report));
      return 0;
    } finally {
      await source.close?.();
    }
  },
};
