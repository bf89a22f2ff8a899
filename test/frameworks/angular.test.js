// The Angular example (demo/angular, built by the Angular CLI's application builder) signs in
// against the emulator in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildExample, exampleDir, installExample, openExample, signInSeeLibrarySignOut } from './helpers.js';

const dir = exampleDir('angular');

test('Angular example: CUSTOM_ELEMENTS_SCHEMA, [property] and (am-*) bindings, sign-in, library, sign-out', async (t) => {
  await t.test('npm ci (when needed) and ng build', () => {
    installExample(dir);
    buildExample(dir);
  });
  const example = await openExample(join(dir, 'dist', 'browser'));
  try {
    await t.test('Angular bound [developerTokenUrl] and [pageSize] as properties', async () => {
      await example.page.getByTestId('status').waitFor();
      const bound = await example.page.evaluate(() => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return { url: provider.developerTokenUrl, pageSize: list.pageSize, pageSizeAttribute: list.hasAttribute('page-size') };
      });
      assert.deepEqual(bound, { url: '/developer-token', pageSize: 25, pageSizeAttribute: false });
    });
    await signInSeeLibrarySignOut(t, example, 'angular');
  } finally {
    await example.close();
  }
});
