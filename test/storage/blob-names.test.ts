import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCodeOf } from '../../src/bacpac/errors';
import {
  assertBacpacBlobName,
  assertContainerName,
  bacpacBlobNameProblems,
  containerNameProblems,
} from '../../src/storage/blob-names';
import { StorageError } from '../../src/storage/errors';

describe('containerNameProblems', () => {
  for (const name of ['abc', 'a-b-c', '0db', 'exports-2024-01', 'a'.repeat(63)]) {
    test(`accepts ${JSON.stringify(name)}`, () => assert.deepEqual(containerNameProblems(name), []));
  }

  const failures: [string, string[]][] = [
    ['ab', ['target.container: must be 3 to 63 characters long (found 2)']],
    ['a'.repeat(64), ['target.container: must be 3 to 63 characters long (found 64)']],
    ['Exports', ['target.container: must contain only lowercase letters, digits and hyphens (found "E")']],
    [
      'my_db exports',
      ['target.container: must contain only lowercase letters, digits and hyphens (found "_", a space)'],
    ],
    ['-abc', ['target.container: must start with a letter or digit']],
    ['abc-', ['target.container: must end with a letter or digit']],
    ['ab--c', ['target.container: must not contain consecutive hyphens']],
    [
      '--',
      [
        'target.container: must be 3 to 63 characters long (found 2)',
        'target.container: must start with a letter or digit',
        'target.container: must end with a letter or digit',
        'target.container: must not contain consecutive hyphens',
      ],
    ],
    ['', ['target.container: must be 3 to 63 characters long (found 0)']],
  ];
  for (const [name, expected] of failures) {
    test(`rejects ${JSON.stringify(name)}`, () => assert.deepEqual(containerNameProblems(name), expected));
  }

  test('names the field it was given and reports every broken rule', () => {
    assert.deepEqual(containerNameProblems('A', 'jobs[2].target.container'), [
      'jobs[2].target.container: must be 3 to 63 characters long (found 1)',
      'jobs[2].target.container: must contain only lowercase letters, digits and hyphens (found "A")',
    ]);
  });
});

describe('bacpacBlobNameProblems', () => {
  for (const name of [
    'db.bacpac',
    'Sales-2024-01-31T02.00.00Z.bacpac',
    'a'.repeat(120) + '.bacpac',
    'Ünïcode_名.bacpac',
  ]) {
    test(`accepts ${JSON.stringify(name)}`, () => assert.deepEqual(bacpacBlobNameProblems(name), []));
  }

  const failures: [string, string[]][] = [
    ['db.zip', ['target.blobName: must end with ".bacpac"']],
    ['db.BACPAC', ['target.blobName: must end with ".bacpac"']],
    ['db.bacpac.', ['target.blobName: must not end with "."', 'target.blobName: must end with ".bacpac"']],
    ['.bacpac', ['target.blobName: must have a name before ".bacpac"']],
    ['a'.repeat(121) + '.bacpac', ['target.blobName: must be fewer than 128 characters (found 128)']],
    ['exports/db.bacpac', ['target.blobName: must not contain "/"']],
    ['exports\\db.bacpac', ['target.blobName: must not contain "\\"']],
    ['my db.bacpac', ['target.blobName: must not contain a space']],
    ['a<b>.bacpac', ['target.blobName: must not contain "<", ">"']],
    ['a*b.bacpac', ['target.blobName: must not contain "*"']],
    ['100%.bacpac', ['target.blobName: must not contain "%"']],
    ['a&b.bacpac', ['target.blobName: must not contain "&"']],
    ['c:db.bacpac', ['target.blobName: must not contain ":"']],
    ['why?.bacpac', ['target.blobName: must not contain "?"']],
    ['tab\there.bacpac', ['target.blobName: must not contain control characters']],
    ['', ['target.blobName: must end with ".bacpac"']],
  ];
  for (const [name, expected] of failures) {
    test(`rejects ${JSON.stringify(name)}`, () => assert.deepEqual(bacpacBlobNameProblems(name), expected));
  }

  test('counts characters, not UTF-16 code units', () => {
    const name = '😀'.repeat(120) + '.bacpac'; // 127 characters, 247 UTF-16 code units
    assert.deepEqual(bacpacBlobNameProblems(name), []);
  });
});

describe('assertions', () => {
  test('assertBacpacBlobName throws a coded StorageError listing every problem', () => {
    assert.throws(
      () => assertBacpacBlobName('x/y.zip'),
      (error: unknown) => {
        assert.ok(error instanceof StorageError);
        assert.equal(error.code, 'STORAGE_INVALID_NAME');
        assert.equal(
          error.message,
          '[STORAGE_INVALID_NAME] target.blobName: must not contain "/"; target.blobName: must end with ".bacpac"',
        );
        assert.equal(errorCodeOf(error.message), 'STORAGE_INVALID_NAME');
        return true;
      },
    );
  });

  test('assertContainerName passes valid names and rejects invalid ones', () => {
    assertContainerName('exports');
    assert.throws(() => assertContainerName('Exports'), {
      message:
        '[STORAGE_INVALID_NAME] target.container: must contain only lowercase letters, digits and hyphens (found "E")',
    });
  });
});
