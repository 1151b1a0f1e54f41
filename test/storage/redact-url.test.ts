import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactUrl } from '../../src/storage/redact-url';

test('keeps scheme, host and path and hides the query and user information', () => {
  assert.equal(
    redactUrl('https://acct.blob.core.windows.net/c/run-1/x.bcp?sv=2022-11-02&sig=abc%2Bdef'),
    'https://acct.blob.core.windows.net/c/run-1/x.bcp?<redacted>',
  );
  assert.equal(redactUrl('https://u:p@acct.blob.core.windows.net/c'), 'https://acct.blob.core.windows.net/c');
  assert.equal(
    redactUrl('http://127.0.0.1:10000/devstoreaccount1'),
    'http://127.0.0.1:10000/devstoreaccount1',
  );
  assert.equal(redactUrl('not a url?sig=secret'), '<unparseable URL>');
});
