/**
 * Runs every test under test/ with Node's built-in runner, against one real Azurite blob emulator
 * started for the whole run (tests read its connection string from BACPAC_TEST_AZURITE_CONNECTION_STRING).
 * Ends with the runner's own summary and a plain `N passed, N failed, N skipped` line.
 *
 *   npm test                      all tests
 *   npm test -- test/bacpac       only the files under a folder (or single files)
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startAzurite } from '../test/helpers/azurite';

const root = path.resolve(__dirname, '..');

function findTests(target: string): string[] {
  const full = path.resolve(root, target);
  if (statSync(full).isFile()) return [full];
  const found: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const child = path.join(full, entry.name);
    if (entry.isDirectory()) found.push(...findTests(child));
    else if (entry.name.endsWith('.test.ts')) found.push(child);
  }
  return found.sort();
}

async function main(): Promise<number> {
  const targets = process.argv.slice(2);
  const files = (targets.length > 0 ? targets : ['test']).flatMap(findTests);
  if (files.length === 0) {
    console.error('no test files found');
    return 1;
  }
  const azurite = await startAzurite();
  const counts = { pass: 0, fail: 0, skipped: 0 };
  try {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        `--test-concurrency=${process.env.BACPAC_TEST_CONCURRENCY ?? '2'}`,
        ...files.map((f) => path.relative(root, f)),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, BACPAC_TEST_AZURITE_CONNECTION_STRING: azurite.connectionString },
      },
    );
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ℹ (pass|fail|skipped) (\d+)\s*$/.exec(line);
        if (m) counts[m[1] as keyof typeof counts] = Number(m[2]);
      }
    });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    return code;
  } finally {
    await azurite.stop();
    console.log(`${counts.pass} passed, ${counts.fail} failed, ${counts.skipped} skipped`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
