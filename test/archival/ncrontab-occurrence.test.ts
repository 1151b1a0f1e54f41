/**
 * Expected instants were worked out by hand from the calendar (weekdays checked with `date -u`):
 * 2024-01-19 is a Friday, 2024-01-22 a Monday, 2026-02-13 the first Friday the 13th of 2026, and
 * 2028-02-29 the next 29 February after 2025.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNcrontab } from '../../src/archival/ncrontab';
import { nextOccurrence, previousOccurrence } from '../../src/archival/ncrontab-occurrence';

function next(expression: string, after: string): string | undefined {
  return nextOccurrence(parseNcrontab(expression), new Date(after))?.toISOString();
}

function previous(expression: string, at: string): string | undefined {
  return previousOccurrence(parseNcrontab(expression), new Date(at))?.toISOString();
}

describe('nextOccurrence', () => {
  const cases: [string, string, string][] = [
    ['0 0 2 * * *', '2026-11-25T10:00:00.000Z', '2026-11-26T02:00:00.000Z'],
    ['0 0 2 * * *', '2026-11-25T01:59:59.999Z', '2026-11-25T02:00:00.000Z'],
    ['0 */15 * * * *', '2026-01-01T00:14:59.000Z', '2026-01-01T00:15:00.000Z'],
    ['0 */15 * * * *', '2026-01-01T00:15:00.000Z', '2026-01-01T00:30:00.000Z'],
    ['0 */15 * * * *', '2026-12-31T23:45:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['0 30 9 * * Mon-Fri', '2024-01-19T10:00:00.000Z', '2024-01-22T09:30:00.000Z'],
    ['0 0 0 29 2 *', '2025-03-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 12 31 * *', '2026-04-01T00:00:00.000Z', '2026-05-31T12:00:00.000Z'],
    ['0 0 0 13 * Fri', '2026-01-01T00:00:00.000Z', '2026-02-13T00:00:00.000Z'],
    ['0 10-50/20 * * * *', '2026-01-01T00:50:00.000Z', '2026-01-01T01:10:00.000Z'],
    ['0 5/20 * * * *', '2026-01-01T00:25:00.000Z', '2026-01-01T00:45:00.000Z'],
    ['0 0 0 1 jan,jul *', '2026-02-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ['0 0 0 1 1 *', '2026-06-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['15,45 * * * * *', '2026-01-01T00:00:15.000Z', '2026-01-01T00:00:45.000Z'],
    ['15,45 * * * * *', '2026-01-01T00:00:45.500Z', '2026-01-01T00:01:15.000Z'],
  ];
  for (const [expression, after, expected] of cases) {
    test(`"${expression}" after ${after} is ${expected}`, () => {
      assert.equal(next(expression, after), expected);
    });
  }

  test('the day of the month and the day of the week must both match (NCrontab), not either', () => {
    // Classic cron would also fire on 2026-01-02 (a Friday) and on every 13th.
    assert.equal(next('0 0 0 13 * Fri', '2026-02-13T00:00:00.000Z'), '2026-03-13T00:00:00.000Z');
  });

  test('a schedule that can never fire has no next occurrence', () => {
    assert.equal(next('0 0 0 30 2 *', '2026-01-01T00:00:00.000Z'), undefined);
    assert.equal(next('0 0 0 31 4 *', '2026-01-01T00:00:00.000Z'), undefined);
  });
});

describe('previousOccurrence', () => {
  const cases: [string, string, string][] = [
    ['0 0 2 * * *', '2026-11-25T02:00:00.000Z', '2026-11-25T02:00:00.000Z'],
    ['0 0 2 * * *', '2026-11-25T02:00:00.900Z', '2026-11-25T02:00:00.000Z'],
    ['0 0 2 * * *', '2026-11-25T01:59:59.000Z', '2026-11-24T02:00:00.000Z'],
    ['0 30 9 * * Mon-Fri', '2024-01-21T12:00:00.000Z', '2024-01-19T09:30:00.000Z'],
    ['0 0 0 1 1 *', '2026-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['0 0 12 31 * *', '2026-05-30T00:00:00.000Z', '2026-03-31T12:00:00.000Z'],
    ['0 */15 * * * *', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['0 */15 * * * *', '2025-12-31T23:59:59.000Z', '2025-12-31T23:45:00.000Z'],
    ['0 0 0 29 2 *', '2028-02-28T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
  ];
  for (const [expression, at, expected] of cases) {
    test(`"${expression}" at or before ${at} is ${expected}`, () => {
      assert.equal(previous(expression, at), expected);
    });
  }

  test('a schedule that can never fire has no previous occurrence', () => {
    assert.equal(previous('0 0 0 30 2 *', '2026-01-01T00:00:00.000Z'), undefined);
  });
});
