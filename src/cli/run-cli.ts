import { parseArgs } from 'node:util';
import { UsageError, type CliCommand, type CliIo } from './command';
import { commands as defaultCommands } from './commands';
import { commandUsage, programUsage } from './usage';

/** Exit codes of the CLI. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS_')
  );
}

/**
 * Runs one command line (the arguments after the program name) and returns the exit code:
 * 0 success, 1 failure (the command's own verdict or an error, printed to stderr), 2 usage error
 * (unknown command or option, missing argument: the message and the usage go to stderr).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = defaultCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(programUsage(commands));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((c) => c.name === rest[0]);
    io.stdout.write(topic === undefined ? programUsage(commands) : commandUsage(topic));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`${JSON.stringify(name)} is not a command\n\n${programUsage(commands)}`);
    return EXIT_USAGE;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help === true) {
      io.stdout.write(commandUsage(command));
      return EXIT_OK;
    }
    return await command.run({ positionals, values }, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`${command.name}: ${error.message}\n\n${commandUsage(command)}`);
      return EXIT_USAGE;
    }
    io.stderr.write(`${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
