import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN_START_PATTERN, formatOriginStart } from '../../../src/bacpac/package/origin-start-time';

test('formats local time at the given offset with 7 decimals', () => {
  // 2025-07-27T07:56:08.244Z is 13:26:08.244 at +05:30, the start time of AdventureWorksLT2022 to the millisecond.
  assert.equal(
    formatOriginStart(new Date('2025-07-27T07:56:08.244Z'), 330),
    '2025-07-27T13:26:08.2440000+05:30',
  );
  assert.equal(
    formatOriginStart(new Date('2024-01-01T02:00:00.005Z'), -480),
    '2023-12-31T18:00:00.0050000-08:00',
  );
  assert.equal(
    formatOriginStart(new Date('2024-03-10T00:00:00.000Z'), 0),
    '2024-03-10T00:00:00.0000000+00:00',
  );
  assert.equal(
    formatOriginStart(new Date('2024-03-10T00:00:00.000Z'), -210),
    '2024-03-09T20:30:00.0000000-03:30',
  );
});

test('matches the pattern real files follow', () => {
  assert.match(formatOriginStart(new Date(), 60), ORIGIN_START_PATTERN);
  assert.match('2025-07-27T13:26:08.2445235+05:30', ORIGIN_START_PATTERN);
});

test('refuses invalid dates and offsets', () => {
  assert.throws(() => formatOriginStart(new Date('nope'), 0), /\[ORIGIN_FIELD_INVALID\]/);
  assert.throws(() => formatOriginStart(new Date(0), 15 * 60), /\[ORIGIN_FIELD_INVALID\].*900 minutes/);
  assert.throws(() => formatOriginStart(new Date(0), 1.5), /\[ORIGIN_FIELD_INVALID\]/);
});
