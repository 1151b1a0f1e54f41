import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNcrontab } from '../../src/archival/ncrontab';

function sorted(set: ReadonlySet<number>): number[] {
  return [...set].sort((a, b) => a - b);
}

describe('parseNcrontab', () => {
  test('expands values, ranges, lists and steps in every field', () => {
    const s = parseNcrontab('  15,45  10-50/20 */6 1-3,31 */5 0-6/3 ');
    assert.equal(s.expression, '15,45 10-50/20 */6 1-3,31 */5 0-6/3');
    assert.deepEqual(sorted(s.seconds), [15, 45]);
    assert.deepEqual(sorted(s.minutes), [10, 30, 50]);
    assert.deepEqual(sorted(s.hours), [0, 6, 12, 18]);
    assert.deepEqual(sorted(s.days), [1, 2, 3, 31]);
    assert.deepEqual(sorted(s.months), [1, 6, 11]);
    assert.deepEqual(sorted(s.daysOfWeek), [0, 3, 6]);
  });

  test('a value with a step runs from the value to the field maximum', () => {
    assert.deepEqual(sorted(parseNcrontab('0 5/20 * * * *').minutes), [5, 25, 45]);
  });

  test('month and day names, in any case', () => {
    const s = parseNcrontab('0 0 0 * JAN,jul-Sep Mon-fri');
    assert.deepEqual(sorted(s.months), [1, 7, 8, 9]);
    assert.deepEqual(sorted(s.daysOfWeek), [1, 2, 3, 4, 5]);
    assert.deepEqual(sorted(parseNcrontab('0 0 0 * * sun,SAT').daysOfWeek), [0, 6]);
  });

  const invalid: [string, RegExp][] = [
    ['0 0 2 * *', /expected six fields .* found 5/],
    ['0 0 2 * * * *', /found 7/],
    ['60 * * * * *', /second field: expected 0-59, found "60"/],
    ['0 0 24 * * *', /hour field: expected 0-23, found "24"/],
    ['0 0 0 0 * *', /day field: expected 1-31, found "0"/],
    ['0 0 0 * 13 *', /month field: expected 1-12 or a name such as jan, found "13"/],
    ['0 0 0 * * 7', /day-of-week field: expected 0-6 or a name such as sun, found "7"/],
    ['0 0 0 * foo *', /month field: .* found "foo"/],
    ['0 0 5-2 * * *', /hour field: range "5-2" runs backwards/],
    ['*/0 * * * * *', /second field: step must be a whole number of at least 1, found "0"/],
    ['0 1-2-3 * * * *', /minute field: malformed range "1-2-3"/],
    ['0 0 1,,2 * * *', /hour field: malformed item ""/],
    ['0 0 */ * * *', /hour field: malformed item "\*\/"/],
    ['0 0 1/2/3 * * *', /hour field: malformed item "1\/2\/3"/],
  ];
  for (const [expression, message] of invalid) {
    test(`rejects "${expression}" with ARCHIVE_SCHEDULE_INVALID naming the field`, () => {
      assert.throws(
        () => parseNcrontab(expression),
        (error: Error) => {
          assert.match(error.message, /^\[ARCHIVE_SCHEDULE_INVALID\] NCRONTAB "/);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});
