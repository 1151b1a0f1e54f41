/**
 * infra/main.bicep against the app's configuration: the app settings the template writes, with the
 * template's parameter defaults and sample values for what Azure fills in at deployment, must load
 * with the app's own configuration loader, and name the containers the template creates. (No Bicep
 * compiler runs here; this keeps the template and the code in step.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config';

const BICEP = readFileSync(path.resolve(__dirname, '..', '..', 'infra', 'main.bicep'), 'utf8');

/** `param <name> <type> = <default>` lines: name -> default expression. */
function parameterDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const m of BICEP.matchAll(/^param (\w+) \w+ = (.+)$/gm)) defaults.set(m[1]!, m[2]!.trim());
  return defaults;
}

/** `var <name> = '<text>'` lines. */
function textVariables(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of BICEP.matchAll(/^var (\w+) = '([^']*)'$/gm)) vars.set(m[1]!, m[2]!);
  return vars;
}

/** Sample values for what the deployment computes (resource names, the identity's client id). */
const DEPLOYED: Readonly<Record<string, string>> = {
  'storage.name': 'bacpacflow7xk2q9mzt4abc',
  'identity.properties.clientId': '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f',
  'insights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
};

/** The value of one app setting's expression, as the deployment would write it. */
function evaluate(expression: string): string {
  const params = parameterDefaults();
  const vars = textVariables();
  const literal = /^'([^']*)'$/.exec(expression);
  if (literal !== null) {
    return literal[1]!.replace(/\$\{([^}]+)\}/g, (_, inner: string) => evaluate(inner.trim()));
  }
  const stringOf = /^string\((\w+)\)$/.exec(expression);
  if (stringOf !== null) return evaluate(stringOf[1]!);
  if (expression in DEPLOYED) return DEPLOYED[expression]!;
  if (vars.has(expression)) return vars.get(expression)!;
  const fallback = params.get(expression);
  if (fallback !== undefined) return /^\d+$/.test(fallback) ? fallback : evaluate(fallback);
  throw new Error(`no sample value for the expression ${expression}`);
}

function appSettings(): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of BICEP.matchAll(/\{\s*name: '([\w_]+)'\s*value: (.+)\s*\}/g)) {
    found.set(m[1]!, evaluate(m[2]!.trim()));
  }
  return found;
}

test('the app settings main.bicep writes load with the app configuration loader', () => {
  const env = Object.fromEntries(appSettings());
  assert.ok(Object.keys(env).length >= 12, `found ${Object.keys(env).length} app settings`);
  const config = loadConfig(env);
  assert.deepEqual(config.storage, {
    blobServiceUrl: 'https://bacpacflow7xk2q9mzt4abc.blob.core.windows.net',
    clientId: '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f',
  });
  assert.equal(config.sql.managedIdentityClientId, '6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f');
  assert.deepEqual(config.allowedSourceServers, ['*.database.windows.net']);
  assert.equal(config.allowedTargets, undefined, 'empty: the app storage account only');
  assert.equal(config.archive.schedule, undefined, 'archival is off by default');
  assert.equal(env.AzureWebJobsStorage__credential, 'managedidentity');
  assert.equal(env.DurableTaskHubName, 'bacpacflow');
  assert.equal(
    env.APPLICATIONINSIGHTS_AUTHENTICATION_STRING,
    'ClientId=6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f;Authorization=AAD',
  );
});

test('no key or connection string, and no setting Flex Consumption refuses', () => {
  const names = [...appSettings().keys()];
  for (const refused of ['AzureWebJobsStorage', 'FUNCTIONS_WORKER_RUNTIME', 'FUNCTIONS_EXTENSION_VERSION']) {
    assert.ok(!names.includes(refused), `${refused} must not be set`);
  }
  assert.match(BICEP, /allowSharedKeyAccess: false/);
});

test('the template creates the staging and archive containers the settings name', () => {
  const containerList = /for name in \[([^\]]+)\]/.exec(BICEP);
  assert.ok(containerList !== null, 'a container loop');
  const created = containerList[1]!.split(',').map((n) => evaluate(n.trim()));
  assert.ok(created.includes(appSettings().get('BACPAC_STAGING_CONTAINER')!));
  assert.ok(created.includes('bacpacs'));
  assert.ok(created.includes('app-package'), 'the Flex Consumption deployment container');
});
