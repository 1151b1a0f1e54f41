import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayNumber, dayText, LAST_DAY } from '../../../src/source/synthetic/civil-date';

/** Day numbers against the JS Date API as an independent calendar. */
function dateApiText(day: number): string {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  d.setUTCDate(d.getUTCDate() + day);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

describe('civil dates', () => {
  test('range ends and leap days', () => {
    assert.equal(dayText(0), '0001-01-01');
    assert.equal(dayText(LAST_DAY), '9999-12-31');
    assert.equal(dayNumber(9999, 12, 31), LAST_DAY);
    assert.equal(dayText(dayNumber(2000, 2, 29)), '2000-02-29');
    assert.equal(dayText(dayNumber(1900, 3, 1) - 1), '1900-02-28');
  });

  test('agrees with the Date API on every 997th day and round-trips', () => {
    for (let day = 0; day <= LAST_DAY; day += 997) {
      const text = dayText(day);
      assert.equal(text, dateApiText(day));
      const [y, m, d] = text.split('-').map(Number) as [number, number, number];
      assert.equal(dayNumber(y, m, d), day);
    }
  });
});
