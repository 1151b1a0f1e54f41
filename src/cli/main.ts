#!/usr/bin/env node
/**
 * The bacpac-flow command line: `npm run --silent cli -- <command> ...` from the repository, or the
 * `bacpac-flow` binary once built. See run-cli.ts for the exit codes.
 */
import { runCli } from './run-cli';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
