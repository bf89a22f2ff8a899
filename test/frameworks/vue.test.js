// The Vue 3 example (demo/vue, Vite, templates type-checked by vue-tsc) signs in against the
// emulator in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildExample, exampleDir, installExample, openExample, signInSeeLibrarySignOut } from './helpers.js';

const dir = exampleDir('vue');

test('Vue 3 example: props, @am-* listeners, sign-in, library, sign-out', async (t) => {
  await t.test('npm ci (when needed), vue-tsc and vite build', () => {
    installExample(dir);
    buildExample(dir);
  });
  const example = await openExample(join(dir, 'dist'));
  try {
    await t.test('Vue bound :pageSize as a property, :developer-token-url as an attribute', async () => {
      await example.page.getByTestId('status').waitFor();
      const bound = await example.page.evaluate(() => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return { url: provider.developerTokenUrl, pageSize: list.pageSize, pageSizeAttribute: list.hasAttribute('page-size') };
      });
      assert.deepEqual(bound, { url: '/developer-token', pageSize: 25, pageSizeAttribute: false });
    });
    await signInSeeLibrarySignOut(t, example, 'vue');
  } finally {
    await example.close();
  }
});
