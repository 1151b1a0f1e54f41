/**
 * `npm start`: runs the Functions app locally. Starts Azurite (blob, queue and table services, which
 * the Durable Functions storage backend needs) on the default ports and then the Functions host from
 * Azure Functions Core Tools (`func start`). Core Tools is an optional dependency because its install
 * step downloads a binary; when it is missing this prints how to install it and exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

function findFunc(): string | undefined {
  if (existsSync(bin('func'))) return bin('func');
  const probe = spawnSync('func', ['--version'], { stdio: 'ignore' });
  return probe.status === 0 ? 'func' : undefined;
}

const func = findFunc();
if (!func) {
  console.error(
    'Azure Functions Core Tools (func) was not found. Install it (npm install -g azure-functions-core-tools@4, ' +
      'or see https://learn.microsoft.com/azure/azure-functions/functions-run-local) and run npm start again.',
  );
  process.exit(1);
}
if (!existsSync(path.join(root, 'local.settings.json'))) {
  console.error(
    'local.settings.json is missing: copy local.settings.sample.json to local.settings.json and edit it.',
  );
  process.exit(1);
}

const dataDir = path.join(root, '.azurite');
mkdirSync(dataDir, { recursive: true });
const azurite = spawn(
  bin('azurite'),
  [
    '--silent',
    '--location',
    dataDir,
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--blobHost',
    '127.0.0.1',
  ],
  { stdio: 'inherit' },
);
const host = spawn(func, ['start'], { cwd: root, stdio: 'inherit' });

function stop(code: number): void {
  azurite.kill();
  host.kill();
  process.exit(code);
}
host.on('exit', (code) => stop(code ?? 0));
azurite.on('exit', (code) => {
  if (code) stop(code);
});
process.on('SIGINT', () => stop(0));
