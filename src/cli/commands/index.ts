import type { CliCommand } from '../command';
import { exportCommand } from './export';
import { inspectCommand } from './inspect';
import { repackCommand } from './repack';
import { verifyCommand } from './verify';

/** Every command of the CLI, in the order `--help` lists them. Add a command by adding it here. */
export const commands: readonly CliCommand[] = [inspectCommand, verifyCommand, repackCommand, exportCommand];
