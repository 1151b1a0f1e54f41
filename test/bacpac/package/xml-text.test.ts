import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLineEnding, escapeXmlAttribute, escapeXmlText } from '../../../src/bacpac/package/xml-text';

test('element text: markup escaped, quotes and tabs raw, every line break becomes the document line ending', () => {
  assert.equal(
    escapeXmlText('a&b<c>d"e\'\tf\r\ng\rh\ni', '\r\n', 'x'),
    'a&amp;b&lt;c&gt;d"e\'\tf\r\ng\r\nh\r\ni',
  );
  assert.equal(escapeXmlText('f\r\ng\rh\ni', '\n', 'x'), 'f\ng\nh\ni');
});

test('attribute values: markup, quote and whitespace controls become entities', () => {
  assert.equal(
    escapeXmlAttribute('a&b<c>d"e\'\tf\ng\rh', 'x'),
    "a&amp;b&lt;c&gt;d&quot;e'&#x9;f&#xA;g&#xD;h",
  );
});

test('characters XML cannot carry are refused with their position', () => {
  assert.throws(
    () => escapeXmlText('ok\u0000', '\n', 'Origin.xml ServerVersion'),
    /\[XML_INVALID_CHARACTER\] Origin\.xml ServerVersion: character U\+0000 at index 2/,
  );
  assert.throws(() => escapeXmlAttribute('\uDC00', 'Type'), /U\+DC00/);
  assert.throws(() => escapeXmlAttribute('\uFFFE', 'Type'), /U\+FFFE/);
  assert.equal(escapeXmlText('😀', '\n', 'x'), '😀');
});

test('line ending detection', () => {
  assert.equal(detectLineEnding(Buffer.from('a\r\nb\nc')), '\r\n');
  assert.equal(detectLineEnding(Buffer.from('a\nb\r\nc')), '\n');
  assert.equal(detectLineEnding(Buffer.from('one line')), '\n');
});
