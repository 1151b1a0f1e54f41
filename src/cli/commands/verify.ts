import { verifyBacpac } from '../../bacpac/verify';
import { singleFile, type CliCommand } from '../command';
import { toJson } from '../format/json';
import { formatVerify } from '../format/verify-text';
import { openLocalFile } from '../open-local-file';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check a BACPAC completely: ZIP, parts, model checksum, relationships, every data row',
  usage: 'verify FILE [--json]',
  help: [
    '--json  print the report as one JSON document',
    'Exit status: 0 valid (warnings allowed), 1 invalid (every problem is listed, naming its part or table).',
  ],
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const file = singleFile(args, 'verify');
    const source = await openLocalFile(file);
    try {
      const report = await verifyBacpac(source);
      io.stdout.write(args.values.json === true ? toJson({ file, ...report }) : formatVerify(file, report));
      return report.ok ? 0 : 1;
    } finally {
      await source.close?.();
    }
  },
};
