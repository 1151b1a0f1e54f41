import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames } from '../../../src/bacpac/model/name-order';
import { formatName, parseName } from '../../../src/bacpac/model/names';

describe('parseName / formatName', () => {
  test('plain multi-part names', () => {
    assert.deepEqual(parseName('[dbo].[Order Details].[Col]'), ['dbo', 'Order Details', 'Col']);
    assert.deepEqual(parseName('[PRIMARY]'), ['PRIMARY']);
    assert.equal(formatName(['SalesLT', 'Address', 'rowguid']), '[SalesLT].[Address].[rowguid]');
  });

  test('"]" doubled inside a part and "." inside a part', () => {
    assert.deepEqual(parseName('[a]]b].[c.d].[]]]]]'), ['a]b', 'c.d', ']]']);
    assert.equal(formatName(['a]b', 'c.d', ']]']), '[a]]b].[c.d].[]]]]]');
    assert.equal(formatName(['[x']), '[[x]');
    assert.deepEqual(parseName('[[x]'), ['[x']);
  });

  test('malformed names are coded errors', () => {
    for (const bad of ['dbo', '[dbo', '[dbo].', '[a]x', '[a].[b', '', '[a]]']) {
      assert.throws(() => parseName(bad), /^BacpacError: \[MODEL_NAME_INVALID\] name /, bad);
    }
  });
});

describe('compareNames: the order of named top-level elements', () => {
  const before = (a: string, b: string) => {
    assert.ok(compareNames(a, b) < 0, `${a} should sort before ${b}`);
    assert.ok(compareNames(b, a) > 0, `${b} should sort after ${a}`);
  };

  test('the format notes examples', () => {
    before('[dbo].[__EFMigrationsHistory]', '[dbo].[Addresses]');
    before('[dbo].[PK_X]', '[dbo].[PK_X2]');
    before('[dbo].[Order Details].[Idx]', '[dbo].[Order Details Extended]');
  });

  test('case is ignored; punctuation < digits < letters; part by part', () => {
    before('[dbo].[abc]', '[dbo].[ABD]');
    assert.equal(compareNames('[dbo].[Orders]', '[DBO].[orders]'), 0);
    before('[dbo].[T_1]', '[dbo].[T1]');
    before('[dbo].[T9]', '[dbo].[TA]');
    before('[dbo].[T 1]', '[dbo].[T_1]');
    before('[dbo].[Z]', '[dbo].[Z].[A]');
    before('[dbo].[Zeta]', '[SalesLT].[Address]');
    before('[SqlColumn].[dbo].[X].[MS_Description]', '[SqlTableBase].[dbo].[X].[MS_Description]');
  });
});
