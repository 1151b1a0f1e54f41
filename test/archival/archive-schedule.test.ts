import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseArchiveSchedule, scheduledTimeOf } from '../../src/archival/archive-schedule';

describe('parseArchiveSchedule', () => {
  test('accepts a schedule that fires at most once a minute', () => {
    assert.equal(parseArchiveSchedule('0 0 2 * * *').expression, '0 0 2 * * *');
    assert.equal(parseArchiveSchedule('30 */5 * * * Mon-Fri').expression, '30 */5 * * * Mon-Fri');
  });

  const invalid: [string, RegExp][] = [
    [
      '0 0 2 * *',
      /^\[ARCHIVE_SCHEDULE_INVALID\] BACPAC_ARCHIVE_SCHEDULE: NCRONTAB "0 0 2 \* \*": expected six fields/,
    ],
    [
      '0 0 25 * * *',
      /^\[ARCHIVE_SCHEDULE_INVALID\] BACPAC_ARCHIVE_SCHEDULE: .*hour field: expected 0-23, found "25"/,
    ],
    [
      '*/30 * * * * *',
      /^\[ARCHIVE_SCHEDULE_INVALID\] BACPAC_ARCHIVE_SCHEDULE: "\*\/30 \* \* \* \* \*" fires 2 times a minute/,
    ],
    ['0 0 0 30 2 *', /^\[ARCHIVE_SCHEDULE_INVALID\] BACPAC_ARCHIVE_SCHEDULE: "0 0 0 30 2 \*" never fires$/],
  ];
  for (const [raw, message] of invalid) {
    test(`rejects "${raw}"`, () => {
      assert.throws(
        () => parseArchiveSchedule(raw),
        (error: Error) => {
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('scheduledTimeOf', () => {
  const daily = parseArchiveSchedule('0 0 2 * * *');

  test("uses the host's scheduleStatus.next when it is the occurrence being fired", () => {
    const now = new Date('2026-11-25T02:00:00.120Z');
    assert.equal(
      scheduledTimeOf(daily, now, '2026-11-25T02:00:00+00:00').toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
  });

  test('without the host value, a firing on time or late stands for the latest occurrence', () => {
    assert.equal(
      scheduledTimeOf(daily, new Date('2026-11-25T02:00:00.050Z')).toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
    // A past-due firing hours later still stands for the occurrence it missed.
    assert.equal(
      scheduledTimeOf(daily, new Date('2026-11-25T09:13:00Z')).toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
  });

  test('a firing that arrives a little early stands for the occurrence it anticipates', () => {
    assert.equal(
      scheduledTimeOf(daily, new Date('2026-11-25T01:59:59.700Z')).toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
  });

  test('a host value that is the following occurrence, or not an occurrence, is ignored', () => {
    const now = new Date('2026-11-25T02:00:01Z');
    assert.equal(
      scheduledTimeOf(daily, now, '2026-11-26T02:00:00Z').toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
    assert.equal(
      scheduledTimeOf(daily, now, '2026-11-25T01:30:00Z').toISOString(),
      '2026-11-25T02:00:00.000Z',
    );
    assert.equal(scheduledTimeOf(daily, now, 'not a date').toISOString(), '2026-11-25T02:00:00.000Z');
  });

  test('duplicated firings of one occurrence agree on its time', () => {
    const first = scheduledTimeOf(daily, new Date('2026-11-25T02:00:00.010Z'), '2026-11-25T02:00:00Z');
    const second = scheduledTimeOf(daily, new Date('2026-11-25T02:00:04.500Z'));
    assert.equal(first.getTime(), second.getTime());
  });
});
