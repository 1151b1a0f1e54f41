import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ArchivalError } from '../../src/archival/archival-error';
import { parseArchiveJobs, type ArchiveJobsContext } from '../../src/archival/parse-archive-jobs';

const APP = 'https://app.blob.core.windows.net';
const context: ArchiveJobsContext = {
  defaults: { appAccountUrl: APP, maxParallelism: 4, splitRowThreshold: 1_000_000, compression: 'normal' },
  allowList: {
    appAccountUrl: APP,
    sourceServers: ['*.database.windows.net'],
    targets: [
      { accountUrl: APP },
      { accountUrl: 'https://vault.blob.core.windows.net', container: 'long-term' },
    ],
  },
  hasSetting: (name) => name === 'SALES_DB',
};

type Job = Record<string, unknown> & {
  source: Record<string, unknown>;
  target: Record<string, unknown>;
  options: Record<string, unknown>;
  retention: Record<string, unknown>;
};

function job(name: string, prefix: string): Job {
  return {
    name,
    source: { server: 'sql1.database.windows.net', database: 'Sales', authentication: 'managed-identity' },
    target: { accountUrl: 'default', container: 'archives', prefix },
    options: { compression: 'fast' },
    retention: { keepLast: 7, maxAgeDays: 30 },
  };
}

/** Two valid jobs, then the job under test at index 2. */
function jobs(patch: (third: Job) => void, name = 'nightly-sales'): string {
  const third = job(name, 'nightly-');
  patch(third);
  return JSON.stringify([job('hourly', 'hourly-'), job('weekly', 'weekly-'), third]);
}

function problemsOf(json: string): readonly string[] {
  try {
    parseArchiveJobs(json, context);
  } catch (error) {
    assert.ok(error instanceof ArchivalError);
    assert.equal(error.code, 'ARCHIVE_JOBS_INVALID');
    assert.match(error.message, /^\[ARCHIVE_JOBS_INVALID\] \d+ problem\(s\): /);
    return error.problems;
  }
  assert.fail('expected ARCHIVE_JOBS_INVALID');
}

describe('parseArchiveJobs: valid jobs', () => {
  test('resolves "default", fills option defaults and keeps retention, frozen', () => {
    const parsed = parseArchiveJobs(
      JSON.stringify([
        job('nightly-sales', 'nightly-'),
        {
          name: 'vault',
          source: {
            server: 'sql2.database.windows.net,1433',
            database: 'HR',
            authentication: 'connection-setting',
            connectionSetting: 'SALES_DB',
          },
          target: { accountUrl: 'https://vault.blob.core.windows.net/', container: 'long-term' },
          retention: { maxAgeDays: 365 },
        },
      ]),
      context,
    );
    assert.deepEqual(parsed, [
      {
        name: 'nightly-sales',
        source: {
          server: 'sql1.database.windows.net',
          database: 'Sales',
          authentication: 'managed-identity',
        },
        target: { accountUrl: APP, container: 'archives', prefix: 'nightly-' },
        options: {
          maxParallelism: 4,
          splitRowThreshold: 1_000_000,
          compression: 'fast',
          overwrite: false,
          consistency: 'none',
        },
        retention: { keepLast: 7, maxAgeDays: 30 },
      },
      {
        name: 'vault',
        source: {
          server: 'sql2.database.windows.net,1433',
          database: 'HR',
          authentication: 'connection-setting',
          connectionSetting: 'SALES_DB',
        },
        target: { accountUrl: 'https://vault.blob.core.windows.net', container: 'long-term', prefix: '' },
        options: {
          maxParallelism: 4,
          splitRowThreshold: 1_000_000,
          compression: 'normal',
          overwrite: false,
          consistency: 'none',
        },
        retention: { maxAgeDays: 365 },
      },
    ]);
    assert.ok(Object.isFrozen(parsed) && Object.isFrozen(parsed[0]) && Object.isFrozen(parsed[0]!.target));
  });

  test('an empty array is no jobs', () => {
    assert.deepEqual(parseArchiveJobs('[]', context), []);
  });

  test('the same prefix in another container, or a prefix that only starts alike, is allowed', () => {
    const other = job('b', 'nightly-');
    other.target.container = 'other';
    const longer = job('c', 'nightly-Sales-');
    assert.equal(parseArchiveJobs(JSON.stringify([job('a', 'nightly-'), other, longer]), context).length, 3);
  });
});

describe('parseArchiveJobs: every rule names the setting, job and field', () => {
  test('not JSON', () => {
    assert.match(problemsOf('[{"name": ')[0]!, /^BACPAC_ARCHIVE_JOBS: not valid JSON \(/);
  });
  test('not an array', () => {
    assert.deepEqual(problemsOf('{"name": "a"}'), [
      'BACPAC_ARCHIVE_JOBS: must be a JSON array of archive jobs',
    ]);
  });
  test('a job that is not an object', () => {
    assert.deepEqual(problemsOf(JSON.stringify([job('a', 'a-'), job('b', 'b-'), 'nightly'])), [
      'BACPAC_ARCHIVE_JOBS[2]: must be an object',
    ]);
  });

  const cases: [string, (j: Job) => void, string | RegExp, string?][] = [
    [
      'an unknown field',
      (j) => (j.schedule = '0 0 2 * * *'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).schedule: unknown field',
    ],
    [
      'a missing name',
      (j) => delete j.name,
      /^BACPAC_ARCHIVE_JOBS\[2\]\.name: must be 1-40 lower-case letters, digits and hyphens, .*found undefined$/,
    ],
    [
      'an upper-case name',
      () => undefined,
      /^BACPAC_ARCHIVE_JOBS\[2\] \(Nightly\)\.name: must be 1-40 lower-case .*found "Nightly"$/,
      'Nightly',
    ],
    [
      'a name ending with a hyphen',
      () => undefined,
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-\)\.name: must be /,
      'nightly-',
    ],
    [
      'a name of 41 characters',
      () => undefined,
      /^BACPAC_ARCHIVE_JOBS\[2\] \(a{41}\)\.name: must be 1-40 /,
      'a'.repeat(41),
    ],
    [
      'a name used by an earlier job',
      (j) => (j.target.prefix = 'x-'),
      'BACPAC_ARCHIVE_JOBS[2] (hourly).name: "hourly" is already the name of BACPAC_ARCHIVE_JOBS[0]',
      'hourly',
    ],
    [
      'a password',
      (j) => (j.source.password = 'hunter2'),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.source\.password: carries a password, key or connection string/,
    ],
    [
      'a connection string as a value',
      (j) => (j.source.connectionSetting = 'Server=tcp:x;Password=y'),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.source\.connectionSetting: carries a password/,
    ],
    [
      'a SAS in the account URL',
      (j) => (j.target.accountUrl = `${APP}?sv=2024&sig=abc`),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.target\.accountUrl: carries a password/,
    ],
    [
      'a missing server',
      (j) => delete j.source.server,
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).source.server: must be a non-empty string',
    ],
    [
      'an unknown authentication',
      (j) => (j.source.authentication = 'sql-login'),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.source\.authentication: must be one of "managed-identity", "connection-setting", found "sql-login"$/,
    ],
    [
      'a connection setting that is not defined',
      (j) =>
        Object.assign(j.source, { authentication: 'connection-setting', connectionSetting: 'MISSING_DB' }),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).source.connectionSetting: app setting "MISSING_DB" is not defined',
    ],
    [
      'a connection setting with managed identity',
      (j) => (j.source.connectionSetting = 'SALES_DB'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).source.connectionSetting: only allowed with authentication "connection-setting"',
    ],
    [
      'a server outside the allow-list',
      (j) => (j.source.server = 'sql.example.com'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).source.server: "sql.example.com" is not in the allowed source servers',
    ],
    [
      'a missing target',
      (j) => delete (j as Record<string, unknown>).target,
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target: must be an object',
    ],
    [
      'an invalid container',
      (j) => (j.target.container = 'Archives'),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.target\.container: must contain only lowercase letters, digits and hyphens/,
    ],
    [
      'a non-http account URL',
      (j) => (j.target.accountUrl = 'ftp://app.example.com'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.accountUrl: must be an https:// blob service URL or "default"',
    ],
    [
      'a target outside the allow-list',
      (j) =>
        Object.assign(j.target, {
          container: 'elsewhere',
          accountUrl: 'https://vault.blob.core.windows.net',
        }),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target: container "elsewhere" in https://vault.blob.core.windows.net is not an allowed export target',
    ],
    [
      'a blob name instead of a prefix',
      (j) => (j.target.blobName = 'Sales.bacpac'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.blobName: unknown field',
    ],
    [
      'a prefix with a folder',
      (j) => (j.target.prefix = 'nightly/'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.prefix: must not contain "/"',
    ],
    [
      'a prefix that is not a string',
      (j) => (j.target.prefix = 7),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.prefix: must be a string, found 7',
    ],
    [
      'a prefix too long for the archive names',
      (j) => (j.target.prefix = 'p'.repeat(100)),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.target\.prefix: archive blob names such as "p{100}Sales-19700101T000000Z\.bacpac" would be 129 characters/,
    ],
    [
      'a database name that cannot be in a blob name',
      (j) => (j.source.database = 'Sales:EU'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).source.database: must not contain ":" (the database name is part of the archive blob name)',
    ],
    [
      'a parallelism out of range',
      (j) => (j.options.maxParallelism = 0),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).options.maxParallelism: must be a whole number from 1 to 64, found 0',
    ],
    [
      'an unknown compression',
      (j) => (j.options.compression = 'max'),
      /^BACPAC_ARCHIVE_JOBS\[2\] \(nightly-sales\)\.options\.compression: must be one of "normal", "fast", "none", found "max"$/,
    ],
    [
      'an instance id',
      (j) => (j.options.instanceId = 'mine'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).options.instanceId: not allowed: archive runs are named archive-<job>-<slot>',
    ],
    [
      'an unknown option',
      (j) => (j.options.blobName = 'x.bacpac'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).options.blobName: unknown field',
    ],
    [
      'a missing retention',
      (j) => delete (j as Record<string, unknown>).retention,
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).retention: required: an object with keepLast and/or maxAgeDays',
    ],
    [
      'an empty retention',
      (j) => (j.retention = {}),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).retention: must set keepLast, maxAgeDays or both',
    ],
    [
      'keepLast 0',
      (j) => (j.retention.keepLast = 0),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).retention.keepLast: must be a whole number from 1 to 10000, found 0',
    ],
    [
      'a fractional maxAgeDays',
      (j) => (j.retention.maxAgeDays = 1.5),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).retention.maxAgeDays: must be a whole number from 1 to 36500, found 1.5',
    ],
    [
      'an unknown retention rule',
      (j) => (j.retention.keepDaily = 3),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).retention.keepDaily: unknown field',
    ],
    [
      'archive names shared with an earlier job',
      (j) => (j.target.prefix = 'hourly-'),
      'BACPAC_ARCHIVE_JOBS[2] (nightly-sales).target.prefix: archives would be named like those of job "hourly" (same container, prefix and database), so each job\'s retention would delete the other\'s archives',
    ],
  ];
  for (const [what, patch, expected, name] of cases) {
    test(`fails on ${what}`, () => {
      const problems = problemsOf(jobs(patch, name));
      assert.ok(
        problems.some((p) => (typeof expected === 'string' ? p === expected : expected.test(p))),
        `expected ${String(expected)} among ${JSON.stringify(problems)}`,
      );
      for (const p of problems)
        assert.match(p, /^BACPAC_ARCHIVE_JOBS\[2\]/, 'only the third job is at fault');
    });
  }

  test('a job with a secret is reported without echoing the value', () => {
    const problems = problemsOf(jobs((j) => (j.source.password = 'hunter2')));
    assert.ok(problems.every((p) => !p.includes('hunter2')));
  });

  test('every problem of every job is listed at once', () => {
    const a = job('a', 'a-');
    a.options.maxParallelism = 100;
    const b = job('b', 'b/');
    b.retention = {};
    assert.deepEqual(problemsOf(JSON.stringify([a, b])), [
      'BACPAC_ARCHIVE_JOBS[0] (a).options.maxParallelism: must be a whole number from 1 to 64, found 100',
      'BACPAC_ARCHIVE_JOBS[1] (b).target.prefix: must not contain "/"',
      'BACPAC_ARCHIVE_JOBS[1] (b).retention: must set keepLast, maxAgeDays or both',
    ]);
  });
});
