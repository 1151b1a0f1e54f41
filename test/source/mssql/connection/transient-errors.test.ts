import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isTransientError } from '../../../../src/source/mssql/connection/transient-errors';
import { backoffDelayMs, withRetry } from '../../../../src/source/mssql/connection/retry';

/** Errors shaped like mssql's RequestError / ConnectionError wrapping tedious errors. */
function requestError(number: number, message: string): Error {
  return Object.assign(new Error(message), { code: 'EREQUEST', number });
}

describe('isTransientError', () => {
  for (const number of [40613, 40197, 40501, 49918, 4060, 10928, 10929, 233, 10054, 1205, -2]) {
    test(`server error ${number} is transient`, () => {
      assert.equal(isTransientError(requestError(number, 'x')), true);
    });
  }
  test('permission denied (229) and invalid object (208) are not', () => {
    assert.equal(isTransientError(requestError(229, 'The SELECT permission was denied')), false);
    assert.equal(isTransientError(requestError(208, "Invalid object name 'x'")), false);
  });
  test('socket failures are transient through the wrapped error', () => {
    const wrapped = Object.assign(new Error('Connection lost - read ECONNRESET'), {
      code: 'ESOCKET',
      originalError: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    assert.equal(isTransientError(wrapped), true);
    assert.equal(isTransientError(Object.assign(new Error('t'), { code: 'ETIMEOUT' })), true);
  });
  test('a login failure wrapping 40613 is transient; one wrapping 18456 is not', () => {
    const login = (n: number): Error =>
      Object.assign(new Error('Login failed'), { code: 'ELOGIN', originalError: requestError(n, 'inner') });
    assert.equal(isTransientError(login(40613)), true);
    assert.equal(isTransientError(login(18456)), false);
  });
  test('a transient error among the preceding errors of a batch counts', () => {
    const err = Object.assign(requestError(3621, 'The statement has been terminated.'), {
      precedingErrors: [requestError(40501, 'The service is currently busy.')],
    });
    assert.equal(isTransientError(err), true);
  });
  test('a cancelled request is never retried', () => {
    assert.equal(isTransientError(Object.assign(new Error('Canceled.'), { code: 'ECANCEL' })), false);
    assert.equal(isTransientError('plain text'), false);
  });
});

describe('retry', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
  test('backoff doubles, is capped, and jitters over the upper half', () => {
    assert.equal(backoffDelayMs(1, policy, 0), 50);
    assert.equal(backoffDelayMs(1, policy, 0.999999), 100);
    assert.equal(backoffDelayMs(3, policy, 0), 200);
    assert.equal(backoffDelayMs(10, policy, 0), 500);
    assert.equal(backoffDelayMs(10, policy, 0.5), 750);
  });
  test('retries transient errors and succeeds', async () => {
    const slept: number[] = [];
    let calls = 0;
    const value = await withRetry(
      () => {
        calls++;
        if (calls < 3) return Promise.reject(requestError(40613, 'Database not currently available'));
        return Promise.resolve('ok');
      },
      policy,
      {
        sleep: (ms) => {
          slept.push(ms);
          return Promise.resolve();
        },
        random: () => 0,
      },
    );
    assert.equal(value, 'ok');
    assert.equal(calls, 3);
    assert.deepEqual(slept, [50, 100]);
  });
  test('fails fast on a non-transient error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls++;
          return Promise.reject(requestError(229, 'denied'));
        },
        policy,
        { sleep: () => Promise.resolve() },
      ),
      /denied/,
    );
    assert.equal(calls, 1);
  });
  test('gives up after maxAttempts and rethrows the last error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls++;
          return Promise.reject(requestError(40501, `busy ${calls}`));
        },
        policy,
        { sleep: () => Promise.resolve() },
      ),
      /busy 4/,
    );
    assert.equal(calls, 4);
  });
});
