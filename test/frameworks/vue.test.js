// The Vue 3 example (demo/vue, Vite, templates type-checked by vue-tsc) signs in against the
// emulator in headless Chromium, built and served, then through its own `npm run dev`.
import { test } from 'node:test';
import { testExample } from './helpers.js';

test('Vue 3 example: props, @am-* listeners, sign-in, library, sign-out', (t) =>
  testExample(t, {
    name: 'vue',
    build: 'npm ci (when needed), vue-tsc and vite build',
    output: 'dist',
    devServer: true,
    bindings: {
      title: 'Vue bound :pageSize as a property, :developer-token-url as an attribute',
      read: () => {
        const provider = /** @type {any} */ (document.querySelector('am-auth-provider'));
        const list = /** @type {any} */ (document.querySelector('am-library-list'));
        return { url: provider.developerTokenUrl, pageSize: list.pageSize, pageSizeAttribute: list.hasAttribute('page-size') };
      },
      expected: { url: '/developer-token', pageSize: 25, pageSizeAttribute: false },
    },
  }));
