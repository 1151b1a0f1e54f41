import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { histogramToRanges, partsWanted } from '../../../../src/source/mssql/planning/histogram-ranges';
import { rangePredicate } from '../../../../src/source/mssql/planning/key-range';
import { keyLiteral } from '../../../../src/source/mssql/planning/key-literal';

// A histogram as sys.dm_db_stats_histogram reports one for an int key 1..1000 (10 steps of 100 rows).
const evenSteps = Array.from({ length: 10 }, (_, i) => ({
  upper: String((i + 1) * 100),
  rangeRows: i === 0 ? 99 : 99,
  equalRows: 1,
}));

describe('histogramToRanges', () => {
  test('four parts over an even histogram cut at 300, 500 and 800 rows', () => {
    assert.deepEqual(histogramToRanges(evenSteps, 4), [
      { upper: '300', includeNulls: true, estimatedRows: 300 },
      { lower: '300', upper: '500', includeNulls: false, estimatedRows: 200 },
      { lower: '500', upper: '800', includeNulls: false, estimatedRows: 300 },
      { lower: '800', includeNulls: false, estimatedRows: 200 },
    ]);
  });
  test('two parts cut in the middle; the last is open above', () => {
    assert.deepEqual(histogramToRanges(evenSteps, 2), [
      { upper: '500', includeNulls: true, estimatedRows: 500 },
      { lower: '500', includeNulls: false, estimatedRows: 500 },
    ]);
  });
  test('NULL keys (the first step, without upper key) count towards the first range', () => {
    const steps = [{ upper: null, rangeRows: 0, equalRows: 400 }, ...evenSteps.slice(0, 4)];
    assert.deepEqual(histogramToRanges(steps, 2), [
      { upper: '100', includeNulls: true, estimatedRows: 500 },
      { lower: '100', includeNulls: false, estimatedRows: 300 },
    ]);
  });
  test('one range when one part is wanted, the histogram is empty, or it has one step', () => {
    assert.deepEqual(histogramToRanges(evenSteps, 1), [{ includeNulls: true, estimatedRows: 1000 }]);
    assert.deepEqual(histogramToRanges([], 8), [{ includeNulls: true, estimatedRows: 0 }]);
    assert.deepEqual(histogramToRanges([{ upper: '5', rangeRows: 0, equalRows: 9 }], 8), [
      { includeNulls: true, estimatedRows: 9 },
    ]);
  });
  test('never more ranges than keyed steps', () => {
    const steps = [
      { upper: '1', rangeRows: 0, equalRows: 10 },
      { upper: '2', rangeRows: 0, equalRows: 10 },
    ];
    assert.equal(histogramToRanges(steps, 50).length, 2);
  });
  test('a skewed step stays whole', () => {
    const steps = [
      { upper: '1', rangeRows: 0, equalRows: 900 },
      { upper: '2', rangeRows: 0, equalRows: 50 },
      { upper: '3', rangeRows: 0, equalRows: 50 },
    ];
    assert.deepEqual(histogramToRanges(steps, 2), [
      { upper: '1', includeNulls: true, estimatedRows: 900 },
      { lower: '1', includeNulls: false, estimatedRows: 100 },
    ]);
  });
});

describe('partsWanted', () => {
  test('rounds up, caps at the maximum, and is 1 at or below the threshold', () => {
    assert.equal(partsWanted(1_000_000n, 1_000_000, 64), 1);
    assert.equal(partsWanted(1_000_001n, 1_000_000, 64), 2);
    assert.equal(partsWanted(10_000_000_000n, 1_000_000, 64), 64);
    assert.equal(partsWanted(5n, 0, 64), 1);
  });
});

describe('rangePredicate', () => {
  const base = { kind: 'keyRange' as const, column: 'Id' };
  test('first range: NULLs and keys up to the upper bound', () => {
    assert.equal(
      rangePredicate({ ...base, upper: 'CAST(300 AS int)', includeNulls: true }),
      '([Id] IS NULL OR [Id] <= CAST(300 AS int))',
    );
  });
  test('middle and last ranges', () => {
    assert.equal(
      rangePredicate({ ...base, lower: 'CAST(300 AS int)', upper: 'CAST(500 AS int)', includeNulls: false }),
      '[Id] > CAST(300 AS int) AND [Id] <= CAST(500 AS int)',
    );
    assert.equal(
      rangePredicate({ ...base, lower: 'CAST(500 AS int)', includeNulls: false }),
      '[Id] > CAST(500 AS int)',
    );
  });
  test('a single range covers everything', () => {
    assert.equal(rangePredicate({ ...base, includeNulls: true }), undefined);
  });
});

describe('keyLiteral', () => {
  test('numbers are cast, strings and dates are quoted Unicode literals', () => {
    assert.equal(
      keyLiteral({ type: 'decimal', declaration: 'decimal(18,2)' }, '-12.50'),
      'CAST(-12.50 AS decimal(18,2))',
    );
    assert.equal(
      keyLiteral({ type: 'nvarchar', declaration: 'nvarchar(40)' }, "O'Brien"),
      "CAST(N'O''Brien' AS nvarchar(40))",
    );
    assert.equal(
      keyLiteral({ type: 'datetime2', declaration: 'datetime2(7)' }, '2003-02-01 11:22:33.1234567'),
      "CAST(N'2003-02-01 11:22:33.1234567' AS datetime2(7))",
    );
    assert.throws(() => keyLiteral({ type: 'int', declaration: 'int' }, '1; DROP TABLE x'), /not a int/);
  });
});
