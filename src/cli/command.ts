import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: human text and JSON to `stdout`, errors and diagnostics to `stderr`. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export type CliOptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliArgs {
  readonly positionals: readonly string[];
  readonly values: CliOptionValues;
}

/** One CLI command: its name, help text, its options (node:util parseArgs form) and its handler. */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis after the program name, e.g. `inspect FILE [--json]`. */
  readonly usage: string;
  /** Further help lines (options, exit codes). */
  readonly help?: readonly string[];
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code: 0 success, 1 failure, 2 usage error (or throws UsageError). */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** A command line that cannot be acted on; the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exactly one FILE positional, or a UsageError. */
export function singleFile(args: CliArgs, command: string): string {
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError(`${command}: expected a FILE argument`);
  if (extra.length > 0) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(extra[0])}`);
  return file;
}
