import type { CliCommand } from './command';

export const PROGRAM = 'bacpac-flow';

/** The program's usage: synopsis and the list of commands. */
export function programUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run '${PROGRAM} <command> --help' for a command's options.`,
    'Exit status: 0 success, 1 failure, 2 usage error.',
    '',
  ].join('\n');
}

/** One command's usage: synopsis, summary and option help. */
export function commandUsage(command: CliCommand): string {
  return [
    `Usage: ${PROGRAM} ${command.usage}`,
    '',
    command.summary,
    ...(command.help === undefined ? [] : ['', ...command.help.map((line) => `  ${line}`)]),
    '',
  ].join('\n');
}
