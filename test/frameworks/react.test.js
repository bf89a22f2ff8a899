// The React 19 example (demo/react, Vite) signs in against the emulator in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildExample, exampleDir, installExample, openExample, signInSeeLibrarySignOut } from './helpers.js';

const dir = exampleDir('react');

test('React 19 example: props, onam-* event props, sign-in, library, sign-out', async (t) => {
  await t.test('npm ci (when needed) and vite build', () => {
    installExample(dir);
    buildExample(dir);
  });
  const example = await openExample(join(dir, 'dist'));
  try {
    await t.test('React 19 set limit as a property and developer-token-url as an attribute', async () => {
      await example.page.getByTestId('status').waitFor();
      const bound = await example.page.evaluate(() => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return { attribute: provider.getAttribute('developer-token-url'), limit: list.limit, limitAttribute: list.hasAttribute('limit') };
      });
      assert.deepEqual(bound, { attribute: '/developer-token', limit: 50, limitAttribute: false });
    });
    await signInSeeLibrarySignOut(t, example, 'react');
  } finally {
    await example.close();
  }
});
