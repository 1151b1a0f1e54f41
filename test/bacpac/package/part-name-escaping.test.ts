import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapePartNameSegment,
  unescapePartNameSegment,
} from '../../../src/bacpac/package/part-name-escaping';

describe('escaping rule', () => {
  const cases: Array<[string, string]> = [
    ['Order Details', 'Order%20Details'],
    ['100%', '100%25'],
    ['a#b?c', 'a%23b%3Fc'],
    ['[x]', '%5Bx%5D'],
    ['a/b\\c', 'a%2Fb%5Cc'],
    ['q"<>^`{|}', 'q%22%3C%3E%5E%60%7B%7C%7D'],
    ['tab\there', 'tab%09here'],
    ['Größe', 'Gr%C3%B6%C3%9Fe'],
    ['日本', '%E6%97%A5%E6%9C%AC'],
    ['emoji😀', 'emoji%F0%9F%98%80'],
    ["keep-._~!$&'()*+,;=:@", "keep-._~!$&'()*+,;=:@"],
    ['__EFMigrationsHistory', '__EFMigrationsHistory'],
  ];
  for (const [raw, escaped] of cases) {
    test(`${JSON.stringify(raw)} -> ${escaped} and back`, () => {
      assert.equal(escapePartNameSegment(raw), escaped);
      assert.equal(unescapePartNameSegment(escaped), raw);
    });
  }

  test('lowercase hex escapes are accepted when reading', () => {
    assert.equal(unescapePartNameSegment('Gr%c3%b6%c3%9fe'), 'Größe');
  });

  test('refuses empty names, lone surrogates, bad escapes and bad UTF-8', () => {
    assert.throws(() => escapePartNameSegment(''), /\[PART_NAME_INVALID\]/);
    assert.throws(
      () => escapePartNameSegment('a\uD800b', 'table'),
      /\[PART_NAME_INVALID\] table "a\\ud800b": lone surrogate U\+D800/,
    );
    assert.throws(() => unescapePartNameSegment('a%2'), /\[PART_NAME_INVALID\].*index 1/);
    assert.throws(() => unescapePartNameSegment('%zz'), /\[PART_NAME_INVALID\]/);
    assert.throws(() => unescapePartNameSegment('%C3'), /\[PART_NAME_INVALID\].*UTF-8/);
  });
});
