import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codedMessageOf, formatFailure, parseFailure } from '../../src/orchestration/coded-error';

test('reads [CODE] message out of both forms an activity failure reaches the orchestrator in', () => {
  assert.deepEqual(codedMessageOf(new Error('BacpacError: [BCP_X] dbo.T row 3: bad'), 'FALLBACK'), {
    code: 'BCP_X',
    message: 'dbo.T row 3: bad',
  });
  assert.deepEqual(
    codedMessageOf(
      new Error("Activity function 'exportPart' failed: [SQL_TIMEOUT] read timed out \n    at stack line"),
      'F',
    ),
    { code: 'SQL_TIMEOUT', message: 'read timed out' },
  );
  assert.deepEqual(codedMessageOf(new Error('socket hang up'), 'EXPORT_PART_FAILED'), {
    code: 'EXPORT_PART_FAILED',
    message: 'socket hang up',
  });
});

test('failure text round-trips through formatFailure and parseFailure, also wrapped by the runtime', () => {
  const info = {
    code: 'BCP_DECIMAL_OVERFLOW',
    message: 'value 1e39 does not fit decimal(38,0)',
    table: 'dbo.Orders',
    part: 12,
  };
  const text = formatFailure(info);
  assert.equal(text, '[BCP_DECIMAL_OVERFLOW] dbo.Orders part 12: value 1e39 does not fit decimal(38,0)');
  assert.deepEqual(parseFailure(`Orchestrator function 'exportPartsBatch' failed: ${text}`, 'X'), info);
  assert.deepEqual(parseFailure('[A_B] part 3: no table', 'X'), {
    code: 'A_B',
    message: 'no table',
    part: 3,
  });
});
