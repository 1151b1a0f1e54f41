import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, settings } from '../../src/config';

const base = { AzureWebJobsStorage: 'UseDevelopmentStorage=true' };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
    assert.match(err.message, /^\[CONFIG_INVALID\]/);
    return err.problems;
  }
  assert.fail('loadConfig accepted an invalid configuration');
}

describe('loadConfig', () => {
  test('applies defaults and freezes the result', () => {
    const config = loadConfig(base);
    assert.equal(config.stagingContainer, 'bacpac-staging');
    assert.equal(config.defaults.maxParallelism, 4);
    assert.equal(config.defaults.compression, 'normal');
    assert.equal(config.allowedTargets, undefined);
    assert.equal(config.storage.connectionString, 'UseDevelopmentStorage=true');
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.defaults));
    assert.throws(() => {
      (config.defaults as { maxParallelism: number }).maxParallelism = 99;
    }, TypeError);
  });

  test('parses lists, targets and numbers', () => {
    const config = loadConfig({
      ...base,
      BACPAC_ALLOWED_SOURCE_SERVERS: '*.database.windows.net; sql01.contoso.local',
      BACPAC_ALLOWED_TARGETS:
        'https://archive.blob.core.windows.net/bacpacs,http://127.0.0.1:10000/devstoreaccount1',
      BACPAC_MAX_PARALLELISM: '16',
      BACPAC_COMPRESSION: 'fast',
    });
    assert.deepEqual(config.allowedSourceServers, ['*.database.windows.net', 'sql01.contoso.local']);
    assert.deepEqual(config.allowedTargets, [
      { accountUrl: 'https://archive.blob.core.windows.net', container: 'bacpacs' },
      { accountUrl: 'http://127.0.0.1:10000/devstoreaccount1' },
    ]);
    assert.equal(config.defaults.maxParallelism, 16);
    assert.equal(config.defaults.compression, 'fast');
  });

  test('rejects a malformed number with a message naming the setting', () => {
    const problems = problemsOf({ ...base, BACPAC_MAX_PARALLELISM: 'lots' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^BACPAC_MAX_PARALLELISM: expected a whole number from 1 to 64, found "lots"/);
  });

  test('rejects an out-of-range number and a bad choice, reporting both', () => {
    const problems = problemsOf({ ...base, BACPAC_MAX_PARALLELISM: '0', BACPAC_COMPRESSION: 'max' });
    assert.equal(problems.length, 2);
    assert.ok(
      problems.some((p) =>
        p.startsWith('BACPAC_MAX_PARALLELISM: expected a whole number from 1 to 64, found 0'),
      ),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith('BACPAC_COMPRESSION: expected one of normal, fast, none, found "max"'),
      ),
    );
  });

  test('rejects an unknown BACPAC_ setting by name', () => {
    const problems = problemsOf({ ...base, BACPAC_MAX_PARALELISM: '4' });
    assert.match(problems[0]!, /^BACPAC_MAX_PARALELISM: unknown setting/);
  });

  test('rejects a target URL carrying a SAS token and a bad container name', () => {
    const problems = problemsOf({
      ...base,
      BACPAC_ALLOWED_TARGETS: 'https://a.blob.core.windows.net/c?sv=2020&sig=x',
      BACPAC_STAGING_CONTAINER: 'Staging_Area',
    });
    assert.ok(problems.some((p) => /^BACPAC_ALLOWED_TARGETS: expected a URL without query/.test(p)));
    assert.ok(problems.some((p) => /^BACPAC_STAGING_CONTAINER: expected a container name/.test(p)));
  });

  test('requires the app storage account', () => {
    const problems = problemsOf({});
    assert.match(problems[0]!, /^AzureWebJobsStorage: not set/);
  });

  test('accepts identity-based app storage', () => {
    const config = loadConfig({
      AzureWebJobsStorage__accountName: 'bacpacflowapp',
      AzureWebJobsStorage__clientId: 'abc',
    });
    assert.deepEqual(config.storage, {
      blobServiceUrl: 'https://bacpacflowapp.blob.core.windows.net',
      clientId: 'abc',
    });
  });

  test('validates the archive schedule shape', () => {
    const problems = problemsOf({ ...base, BACPAC_ARCHIVE_SCHEDULE: 'daily' });
    assert.match(problems[0]!, /^BACPAC_ARCHIVE_SCHEDULE: expected a six-field NCRONTAB expression/);
    assert.equal(
      loadConfig({ ...base, BACPAC_ARCHIVE_SCHEDULE: '0 30 2 * * *' }).archive.schedule,
      '0 30 2 * * *',
    );
  });
});

test('local.settings.sample.json lists every setting and loads cleanly', () => {
  const samplePath = path.resolve(__dirname, '..', '..', 'local.settings.sample.json');
  const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as { Values: Record<string, string> };
  for (const s of Object.values(settings)) {
    assert.ok(s.name in sample.Values, `${s.name} is missing from local.settings.sample.json`);
  }
  const config = loadConfig(sample.Values);
  assert.equal(config.archive.schedule, '0 0 2 * * *');
});
