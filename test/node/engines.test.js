// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, selectedEngines } from '../../scripts/engines.js';

test('the browser tests run in all three engines unless AM_BROWSERS names some', () => {
  assert.deepEqual(selectedEngines(''), ['chromium', 'firefox', 'webkit']);
  assert.deepEqual(selectedEngines('  '), ENGINES);
  assert.deepEqual(selectedEngines('webkit'), ['webkit']);
  // Any order, commas or spaces, any case: the engines keep one order.
  assert.deepEqual(selectedEngines('WebKit chromium,'), ['chromium', 'webkit']);
});

test('an engine name AM_BROWSERS does not know is an error that lists the known ones', () => {
  assert.throws(() => selectedEngines('chrome'), /Unknown browser chrome: choose from chromium, firefox, webkit/);
});
